using System;
using NetGen.Samples.BreastCancer;

var result = BreastCancerSample.Run(Console.Out);
return result.PredictionsEqualAfterReload ? 0 : 1;
