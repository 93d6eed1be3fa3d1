using BenchmarkDotNet.Running;
using NetGen.Benchmarks;
using NetGen.Benchmarks.Memory;

// Every BenchmarkDotNet option works here, e.g.:
//   dotnet run -c Release --project benchmarks/NetGen.Benchmarks -- --filter '*Fit*' --launchCount 3 --warmupCount 5 --iterationCount 15
// --memory runs the resident-set comparison instead (each loop in its own child process):
//   dotnet run -c Release --project benchmarks/NetGen.Benchmarks -- --memory --epochs 50 --repeat 3
// --allocator runs Fit under glibc's malloc settings (default, NetGen's, environment variables), a fresh process per run:
//   dotnet run -c Release --project benchmarks/NetGen.Benchmarks -- --allocator --epochs 8 --repeat 2
// --lstm-interleaved alternates the two sides of the LSTM training comparison in one process:
//   dotnet run -c Release --project benchmarks/NetGen.Benchmarks -- --lstm-interleaved --rounds 30
// --autoencoder-interleaved does the same for the autoencoder's training comparison:
//   dotnet run -c Release --project benchmarks/NetGen.Benchmarks -- --autoencoder-interleaved --rounds 30 --threads 1,2
// --gan-interleaved does the same for one GAN step (both networks) against the hand-written step:
//   dotnet run -c Release --project benchmarks/NetGen.Benchmarks -- --gan-interleaved --rounds 30 --threads 1,2
if (args.Length > 0 && args[0] == "--lstm-interleaved")
{
    return InterleavedLstm.Run(args);
}

if (args.Length > 0 && args[0] == "--autoencoder-interleaved")
{
    return InterleavedAutoencoder.Run(args);
}

if (args.Length > 0 && args[0] == "--gan-interleaved")
{
    return InterleavedGan.Run(args);
}

if (args.Length > 0 && args[0] == "--memory")
{
    return MemoryGrowth.Run(args);
}

if (args.Length > 0 && args[0] == "--allocator")
{
    return AllocatorSettings.Run(args);
}

if (args.Length > 0 && args[0] == "--allocator-child")
{
    return AllocatorSettings.RunChild(args);
}

if (args.Length > 0 && args[0] == "--memory-child")
{
    return MemoryGrowth.RunChild(args);
}

BenchmarkSwitcher.FromAssembly(typeof(MlpBenchmarks).Assembly).Run(args);
return 0;
