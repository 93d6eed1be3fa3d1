using BenchmarkDotNet.Running;
using NetGen.Generator.Benchmarks;

// dotnet run -c Release --project benchmarks/NetGen.Generator.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args);
