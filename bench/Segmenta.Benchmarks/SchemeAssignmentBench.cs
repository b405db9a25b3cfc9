using System.Diagnostics;
using System.Globalization;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Schemes;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Schemes;

namespace Segmenta.Benchmarks;

/// <summary>
/// Issue 4's goal: assigning 10 schemes beyond feature computation. Imports FILE into an in-memory store, builds the
/// features and the model features (--clv; not timed), then times REPEATS rounds of plan (the 4 built-ins + the 6
/// presets of <see cref="Presets"/>, histograms included), apply (one ApplyPlansAsync) and stats (per-scheme segment statistics)
/// separately. Run as <c>Segmenta.Benchmarks schemes FILE [REPEATS]</c>; prints each round and the medians.
/// </summary>
internal static class SchemeAssignmentBench
{
    /// <summary>The 6 presets that run on plain transactions (+ the CLV model features); with the 4 built-ins, 10 schemes.</summary>
    internal static readonly string[] Presets =
    [
        "behaviour", "retail_lifecycle", "retail_rfm", "retail_rfm_cn8", "value_frequency_matrix", "value_potential_matrix",
    ];

    public static async Task<int> RunAsync(string file, int repeats)
    {
        using var connection = DuckDbStore.Open(":memory:");
        var engine = new DuckDbEngine(connection);
        var clock = Stopwatch.StartNew();
        Importer.Import(connection, new ImportOptions { Path = file });
        var import = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var features = await engine.BuildFeaturesAsync(null, CancellationToken.None);
        var histories = await engine.ReadHistoriesAsync(CancellationToken.None);
        var models = ClvFeatures.Compute(histories, new ClvFeatureOptions());
        await engine.AddFeatureColumnsAsync(histories.CustomerIds, models.Columns, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{features.Customers:N0} customers; import {import:F1} s, features + CLV {clock.Elapsed.TotalSeconds:F1} s (not timed below)"));

        var schemes = SchemeCatalog.Presets().Where(p => Presets.Contains(p.Document!.Definition.Name, StringComparer.Ordinal))
            .Select(p => new UserScheme(p.Document!.Definition, "preset")).ToList();
        if (schemes.Count != Presets.Length) throw new InvalidOperationException("A bench preset is missing from the catalogue.");
        var rounds = new List<(double Plan, double Apply, double Stats, double Cpu)>();
        for (var round = 0; round < repeats; round++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            var cached = new HistogramCachingEngine(engine);
            var builtIns = await SegmentationPipeline.PlanBuiltInsAsync(cached, new SegmentationOptions(), CancellationToken.None);
            var (user, _) = await UserSchemePlanner.PlanAsync(cached, builtIns, schemes, CancellationToken.None);
            IReadOnlyList<SchemePlan> plans = [.. builtIns, .. user];
            var plan = clock.Elapsed.TotalSeconds;
            var cpuPlan = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            await engine.ApplyPlansAsync(plans, CancellationToken.None);
            var apply = clock.Elapsed.TotalSeconds;
            var cpuApply = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            await ((Core.Ports.ISegmentationEngine)engine).SegmentStatsAsync([.. plans.Select(p => p.SegmentColumn)], CancellationToken.None);
            var stats = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            rounds.Add((plan, apply, stats, cpuSeconds));
            if (round == 0 && Environment.GetEnvironmentVariable("SEGMENTA_BENCH_PROFILE") is { Length: > 0 } profile)
                Profile(engine, plans, profile);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round + 1}: {plans.Count} schemes ({user.Count} user); plan {plan:F3} s, apply {apply:F3} s, stats {stats:F3} s, total {plan + apply + stats:F3} s, CPU {cpuSeconds:F3} s (plan {(cpuPlan - cpu).TotalSeconds:F3}, apply {(cpuApply - cpuPlan).TotalSeconds:F3}, stats {cpuSeconds - (cpuApply - cpu).TotalSeconds:F3})"));
        }
        static void Profile(DuckDbEngine engine, IReadOnlyList<SchemePlan> plans, string path)
        {
            var sql = engine.AssignmentsSql(plans);
            var text = new System.Text.StringBuilder(sql).AppendLine().AppendLine();
            foreach (var q in new[] { "EXPLAIN ANALYZE CREATE OR REPLACE TABLE bench_profile AS " + sql,
                "EXPLAIN ANALYZE " + engine.AllSegmentStatsSql([.. plans.Select(p => p.SegmentColumn)]),
                "EXPLAIN ANALYZE " + Segmenta.Data.Sql.EngineSql.Histogram(Segmenta.Data.Sql.DuckDbDialect.Instance, DuckDbEngine.FeaturesTable, "monetary_total", Segmenta.Data.Sql.ColumnKind.Decimal) })
            {
                using var reader = engine.Query(q);
                while (reader.Read()) text.AppendLine(reader.GetValue(reader.FieldCount - 1)?.ToString());
            }
            File.WriteAllText(path, text.ToString());
        }
        static double Median(IEnumerable<double> xs)
        {
            var s = xs.Order().ToArray();
            return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median of {repeats}: plan {Median(rounds.Select(r => r.Plan)):F3} s, apply {Median(rounds.Select(r => r.Apply)):F3} s, stats {Median(rounds.Select(r => r.Stats)):F3} s, total {Median(rounds.Select(r => r.Plan + r.Apply + r.Stats)):F3} s, CPU {Median(rounds.Select(r => r.Cpu)):F3} s; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        return 0;
    }
}
