using System;
using NetGen.Samples.TwoHeads;

var result = TwoHeadsSample.Run(Console.Out);
return result.PredictionsEqualAfterReload ? 0 : 1;
