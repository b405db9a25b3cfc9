using System.Diagnostics;
using System.Globalization;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Schemes;

namespace Segmenta.Benchmarks;

/// <summary>
/// Issue 4's goal: assigning 10 schemes beyond feature computation. Imports FILE into an in-memory store, builds the
/// features and the model features (--clv; not timed), then times REPEATS rounds of plan (built-ins + every preset +
/// two rules schemes, histograms included), apply (one ApplyPlansAsync) and stats (per-scheme segment statistics)
/// separately. Run as <c>Segmenta.Benchmarks schemes FILE [REPEATS]</c>; prints each round and the medians.
/// </summary>
internal static class SchemeAssignmentBench
{
    private static readonly SchemeDefinition[] RulesSchemes =
    [
        new()
        {
            Name = "key_accounts", Kind = SchemeKinds.Rules, Default = "ordinary",
            Segments =
            [
                new() { Name = "strategic", When = "monetary_total >= p90(monetary_total) and tenure_days > 365" },
                new() { Name = "key", When = "monetary_total >= median(monetary_total)" },
            ],
        },
        new()
        {
            Name = "win_back", Kind = SchemeKinds.Rules, Default = "none",
            Segments =
            [
                new() { Name = "urgent", When = "recency_days > 3 * mean_gap_days and orders >= p75(orders) and clv_12m >= mean(clv_12m)" },
                new() { Name = "watch", When = "recency_days between 90 and 365 or p_alive < 0.3" },
            ],
        },
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

        var schemes = SchemeCatalog.Presets().Select(p => new UserScheme(p.Document!.Definition, "preset"))
            .Concat(RulesSchemes.Select(d => new UserScheme(d, "bench"))).ToList();
        var rounds = new List<(double Plan, double Apply, double Stats)>();
        for (var round = 0; round < repeats; round++)
        {
            clock.Restart();
            var cached = new HistogramCachingEngine(engine);
            var builtIns = await SegmentationPipeline.PlanBuiltInsAsync(cached, new SegmentationOptions(), CancellationToken.None);
            var (user, _) = await UserSchemePlanner.PlanAsync(cached, builtIns, schemes, CancellationToken.None);
            IReadOnlyList<SchemePlan> plans = [.. builtIns, .. user];
            var plan = clock.Elapsed.TotalSeconds;
            clock.Restart();
            await engine.ApplyPlansAsync(plans, CancellationToken.None);
            var apply = clock.Elapsed.TotalSeconds;
            clock.Restart();
            foreach (var p in plans) await engine.SegmentStatsAsync(p.SegmentColumn, CancellationToken.None);
            var stats = clock.Elapsed.TotalSeconds;
            rounds.Add((plan, apply, stats));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round + 1}: {plans.Count} schemes ({user.Count} user); plan {plan:F3} s, apply {apply:F3} s, stats {stats:F3} s, total {plan + apply + stats:F3} s"));
        }
        static double Median(IEnumerable<double> xs)
        {
            var s = xs.Order().ToArray();
            return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median of {repeats}: plan {Median(rounds.Select(r => r.Plan)):F3} s, apply {Median(rounds.Select(r => r.Apply)):F3} s, stats {Median(rounds.Select(r => r.Stats)):F3} s, total {Median(rounds.Select(r => r.Plan + r.Apply + r.Stats)):F3} s"));
        return 0;
    }
}
