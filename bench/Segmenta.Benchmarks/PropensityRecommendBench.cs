using System.Diagnostics;
using System.Globalization;
using Segmenta.Core.Propensity;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Learning;
using Segmenta.Data.Propensity;
using Segmenta.Data.Recommendations;

namespace Segmenta.Benchmarks;

/// <summary>
/// Bench mode for the multi-second jobs: <c>propensity-recommend FILE CAL_END HOLDOUT_END [REPEATS]</c> imports FILE
/// once into a DuckDB file store, then times (median of REPEATS) propensity with each learner (fit + scoring +
/// metrics on the held-out customers) and recommendations (segments, affinity, top-5 for every customer,
/// evaluation, also-bought pairs).
/// </summary>
public static class PropensityRecommendBench
{
    public static int Run(string file, string calibrationEnd, string holdoutEnd, int repeats)
    {
        var db = Path.Combine(Path.GetTempPath(), "segmenta-bench-" + Guid.NewGuid().ToString("N")[..8] + ".duckdb");
        try
        {
            var clock = Stopwatch.StartNew();
            Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
            using (var connection = DuckDbStore.Open(db))
                Importer.Import(connection, new ImportOptions { Path = file });
            Console.WriteLine($"import: {clock.Elapsed.TotalSeconds:F1} s");
            var cal = DateOnly.ParseExact(calibrationEnd, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var hold = DateOnly.ParseExact(holdoutEnd, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            IReadOnlyList<(string Name, IReadOnlyList<IPropensityLearner> Learners)> setups =
            [
                ("propensity logistic (+ BG/NBD baseline)", [new LinearLearner()]),
                ("propensity logistic + fasttree (+ BG/NBD baseline)", PropensityLearners.All),
            ];
            foreach (var (name, learners) in setups)
            {
                Time(name, repeats, () =>
                {
                    var r = PropensityRunner.RunAsync(new PropensityRequest
                    {
                        Database = db,
                        CalibrationEnd = cal,
                        HoldoutEnd = hold,
                        Models = new PropensityOptions { Learners = learners, PermutationRepeats = 1 },
                    }).GetAwaiter().GetResult();
                    return string.Join(", ", r.Evaluation.Report.Churn.Select(c => $"{c.Model} AUC {c.Auc.Auc:F4}")) + $"; {r.Dataset.Count:N0} customers";
                });
            }
            var outFile = Path.Combine(Path.GetTempPath(), "segmenta-bench-recs.csv");
            Time("recommend rfm top 5 + evaluate (+ recommendations.csv)", repeats, () =>
            {
                var r = RecommendationRunner.RunAsync(new RecommendationRequest
                {
                    Database = db,
                    Scheme = "rfm",
                    SplitDate = cal,
                    OutputFile = outFile,
                }).GetAwaiter().GetResult();
                return $"{r.Recommendations:N0} rows; hit rate segment {r.Evaluation!.Segment.Rate:P2} vs popularity {r.Evaluation.Popularity.Rate:P2} on {r.Evaluation.Segment.Customers:N0}";
            });
            var alsoFile = Path.Combine(Path.GetTempPath(), "segmenta-bench-also.csv");
            Time("also-bought pairs", repeats, () =>
            {
                var r = RecommendationRunner.RunAsync(new RecommendationRequest
                {
                    Database = db,
                    Scheme = "rfm",
                    AlsoBoughtFile = alsoFile,
                }).GetAwaiter().GetResult();
                return $"{File.ReadLines(alsoFile).Count() - 1:N0} pairs written";
            });
            File.Delete(outFile);
            File.Delete(alsoFile);
            return 0;
        }
        finally
        {
            if (File.Exists(db)) File.Delete(db);
            if (File.Exists(db + ".wal")) File.Delete(db + ".wal");
        }
    }

    private static void Time(string name, int repeats, Func<string> run)
    {
        // Wall and process CPU seconds: on a shared machine the CPU time is the steadier number.
        var seconds = new List<double>();
        var cpu = new List<double>();
        var note = "";
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < repeats; i++)
        {
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            note = run();
            seconds.Add(clock.Elapsed.TotalSeconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuStart).TotalSeconds);
        }
        seconds.Sort();
        cpu.Sort();
        Console.WriteLine($"{name}: median wall {seconds[seconds.Count / 2]:F1} s, CPU {cpu[cpu.Count / 2]:F1} s over {repeats} (wall {string.Join(" / ", seconds.Select(s => s.ToString("F1", CultureInfo.InvariantCulture)))}); {note}");
    }
}
