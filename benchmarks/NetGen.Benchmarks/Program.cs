using BenchmarkDotNet.Running;
using NetGen.Benchmarks;

// Every BenchmarkDotNet option works here, e.g.:
//   dotnet run -c Release --project benchmarks/NetGen.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(MlpBenchmarks).Assembly).Run(args);
