using BenchmarkDotNet.Running;
using Segmenta.Benchmarks;

if (args.Length == 2 && args[0] == "duckdb-baseline")
    return DuckDbBaseline.Run(args[1]);
if (args.Length is 4 or 5 && args[0] == "propensity-recommend")
    return PropensityRecommendBench.Run(args[1], args[2], args[3], args.Length == 5 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 3);

BenchmarkSwitcher.FromAssembly(typeof(DuckDbBaseline).Assembly).Run(args);
return 0;
