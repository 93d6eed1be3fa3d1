using System;
using System.Linq;
using NetGen.Samples.ClassicArchitectures;

var result = ClassicArchitecturesSample.Run(Console.Out);
return result.Networks.All(static n => n.RowsAreDistributions) ? 0 : 1;
