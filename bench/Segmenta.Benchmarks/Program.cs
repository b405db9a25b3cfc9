using BenchmarkDotNet.Running;
using Segmenta.Benchmarks;

if (args.Length == 2 && args[0] == "duckdb-baseline")
    return DuckDbBaseline.Run(args[1]);
if (args.Length == 2 && args[0] == "duckdb-floor")
    return DuckDbFloor.Run(args[1]);
if (args.Length >= 2 && args[0] == "soak")
    return await Soak.Run(args[1], args.Length > 2 && int.TryParse(args[2], out var runs) ? runs : 20);
if (args.Length == 2 && args[0] == "cluster-phases")
    return ClusteringPhases.Run(args[1]);
if (args.Length >= 2 && args[0] == "cluster-bench")
    return ClusteringBench.Run(args[1], args.Length > 2 && int.TryParse(args[2], out var repeats) ? repeats : 3, args.Contains("--mlnet"));
if (args.Length is 2 or 3 && args[0] == "schemes")
    return await SchemeAssignmentBench.RunAsync(args[1], args.Length == 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
if (args.Length == 3 && args[0] == "sql")
    return SqlProfile.Run(args[1], args[2]);
if (args.Length is 4 or 5 && args[0] == "propensity-recommend")
    return PropensityRecommendBench.Run(args[1], args[2], args[3], args.Length == 5 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 3);

BenchmarkSwitcher.FromAssembly(typeof(DuckDbBaseline).Assembly).Run(args);
return 0;
