using System;
using NetGen.Samples.DiabetesRegression;

var result = DiabetesSample.Run(Console.Out);
return result.TestMae < result.BaselineMae ? 0 : 1;
