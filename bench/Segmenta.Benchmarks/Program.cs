using BenchmarkDotNet.Running;
using Segmenta.Benchmarks;

if (args.Length == 2 && args[0] == "duckdb-baseline")
    return DuckDbBaseline.Run(args[1]);
if (args.Length == 3 && args[0] == "sql")
    return SqlProfile.Run(args[1], args[2]);

BenchmarkSwitcher.FromAssembly(typeof(DuckDbBaseline).Assembly).Run(args);
return 0;
