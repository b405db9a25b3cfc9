using BenchmarkDotNet.Running;
using Segmenta.Benchmarks;

if (args.Length == 2 && args[0] == "duckdb-baseline")
    return DuckDbBaseline.Run(args[1]);
if (args.Length == 2 && args[0] == "cluster-phases")
    return ClusteringPhases.Run(args[1]);
if (args.Length >= 2 && args[0] == "cluster-bench")
    return ClusteringBench.Run(args[1], args.Length > 2 && int.TryParse(args[2], out var repeats) ? repeats : 3, args.Contains("--mlnet"));

BenchmarkSwitcher.FromAssembly(typeof(DuckDbBaseline).Assembly).Run(args);
return 0;
