using System.Globalization;
using System.Text;
using Segmenta.Core;
using Segmenta.Core.Snapshots;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Runs;
using Segmenta.Data.Snapshots;

namespace Segmenta.Data.Tests.Snapshots;

/// <summary>Hysteresis, minimum dwell and <c>stability.freeze_from</c> over backfilled and repeated snapshots.</summary>
public sealed class StabilityTests
{
    private const string Scheme = "order_value";

    // One order a month (2024-01 … 2024-06); amounts chosen so the running mean order value is the given sequence:
    // aₖ = k·meanₖ − (k − 1)·meanₖ₋₁.
    private static IEnumerable<string> Orders(string customer, params decimal[] means)
    {
        var previous = 0m;
        for (var k = 1; k <= means.Length; k++)
        {
            var amount = k * means[k - 1] - (k - 1) * previous;
            previous = means[k - 1];
            yield return string.Create(CultureInfo.InvariantCulture, $"{customer},{customer}-{k},2024-{k:00}-15,{amount}");
        }
    }

    private static (string Input, string SchemeFile) Data(TempDir dir, string stability = "")
    {
        var rows = new List<string> { "customer_id,order_id,order_date,amount" };
        // 40 customers oscillate ±2 % around the cut 1,000: 1020, 980, 1020, 980 …
        for (var i = 1; i <= 40; i++) rows.AddRange(Orders($"O{i:00}", 1020, 980, 1020, 980, 1020, 980));
        // One customer truly moves far: 500 for three months, then 3,000.
        rows.AddRange(Orders("FAR", 500, 500, 500, 3000, 3000, 3000));
        // One customer moves twice: low → mid in March, mid → high in April.
        rows.AddRange(Orders("TWICE", 500, 500, 1500, 2500, 2500, 2500));
        for (var i = 1; i <= 20; i++) rows.AddRange(Orders($"S{i:00}", 200, 200, 200, 200, 200, 200));
        var input = dir.File("orders.csv");
        File.WriteAllLines(input, rows);
        var scheme = dir.File("order_value.yaml");
        File.WriteAllText(scheme, $"""
            name: {Scheme}
            kind: bins
            bins: {"{"} measure: monetary_mean, method: fixed, breaks: [1000, 2000] {"}"}
            segments:
              - name: low
              - name: mid
              - name: high
            {stability}
            """, Encoding.UTF8);
        return (input, scheme);
    }

    private static async Task<IReadOnlyList<SnapshotHeader>> Backfill(string input, string scheme, string db, StabilitySettings? stability)
    {
        var options = new Core.Pipelines.SegmentationOptions
        {
            Schemes = SegmentationRunner.ResolveSchemes(new SegmentationRequest { Schemes = [scheme] }),
        };
        var result = await Segmenta.Data.Snapshots.Backfill.RunAsync(new BackfillRequest
        {
            Transactions = new ImportOptions { Path = input },
            Database = db,
            Options = options,
            From = new DateOnly(2024, 1, 1),
            To = new DateOnly(2024, 6, 1),
            Stability = stability,
        });
        return result.Snapshots;
    }

    private static List<Dictionary<string, string>> Segments(string db, IReadOnlyList<SnapshotHeader> snapshots, string scheme = Scheme)
    {
        using var connection = DuckDbStore.Open(db);
        var store = new SnapshotStore(connection);
        return [.. snapshots.Select(h => store.Assignments(h.Id, scheme))];
    }

    private static int Movers(Dictionary<string, string> a, Dictionary<string, string> b, string prefix) =>
        a.Count(p => p.Key.StartsWith(prefix, StringComparison.Ordinal) && b.TryGetValue(p.Key, out var s) && s != p.Value);

    [Fact]
    public async Task Backfill_OscillatingAroundCut_HysteresisStopsFlapping_FarMoverCrossesAtOnce()
    {
        using var dir = new TempDir();
        var (input, scheme) = Data(dir);
        var plain = Segments(dir.File("plain.duckdb"), await Backfill(input, scheme, dir.File("plain.duckdb"), null));
        var stableHeaders = await Backfill(input, scheme, dir.File("stable.duckdb"), new StabilitySettings(0.05m));
        var stable = Segments(dir.File("stable.duckdb"), stableHeaders);
        Assert.Equal(6, plain.Count);
        for (var t = 1; t < 6; t++)
        {
            Assert.Equal(40, Movers(plain[t - 1], plain[t], "O"));     // without hysteresis all 40 flap every month
            Assert.Equal(0, Movers(stable[t - 1], stable[t], "O"));    // with 5 %: nobody moves after the first snapshot
            Assert.Equal(62, stable[t].Count);
            Assert.Equal(stableHeaders[t - 1].Id, stableHeaders[t].StableFrom);
        }
        Assert.All(stable, s => Assert.All(Enumerable.Range(1, 40), i => Assert.Equal("mid", s[$"O{i:00}"])));
        // The far mover crosses in April with and without hysteresis.
        Assert.Equal(["low", "low", "low", "high", "high", "high"], stable.Select(s => s["FAR"]));
        Assert.Equal(plain.Select(s => s["FAR"]), stable.Select(s => s["FAR"]));
        Assert.Null(stableHeaders[0].StableFrom);
        Assert.Contains("\"held\":40", stableHeaders[1].Stability, StringComparison.Ordinal);

        // Counts still add up, and the held customers' reason is stored next to the segment.
        using var connection = DuckDbStore.Open(dir.File("stable.duckdb"));
        var table = SnapshotStore.CustomersTable(stableHeaders[1].Id);
        Assert.Equal(62L, Db.Long(connection, $"SELECT count(*) FROM {table}"));
        Assert.Equal(40L, Db.Long(connection, $"SELECT count(*) FROM {table} WHERE {Scheme}_held LIKE 'kept in mid by hysteresis%因滞后保持在 mid%'"));
        var reason = Db.Rows(connection, $"SELECT {Scheme}_held FROM {table} WHERE customer_id = 'O01'")[0][0] as string;
        Assert.Contains("monetary_mean 980 → 1,029", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backfill_MinDwell2_DelaysSecondMoveByOneSnapshot()
    {
        using var dir = new TempDir();
        var (input, scheme) = Data(dir);
        var plain = Segments(dir.File("plain.duckdb"), await Backfill(input, scheme, dir.File("plain.duckdb"), null));
        var dwell = Segments(dir.File("dwell.duckdb"), await Backfill(input, scheme, dir.File("dwell.duckdb"), new StabilitySettings(0m, 2)));
        Assert.Equal(["low", "low", "mid", "high", "high", "high"], plain.Select(s => s["TWICE"]));
        Assert.Equal(["low", "low", "mid", "mid", "high", "high"], dwell.Select(s => s["TWICE"]));
        Assert.Equal(["low", "low", "low", "high", "high", "high"], dwell.Select(s => s["FAR"]));
    }

    [Fact]
    public async Task Stability_ZeroSettings_GivesExactlyTheUnstabilisedAssignment()
    {
        using var dir = new TempDir();
        var (input, scheme) = Data(dir);
        var plain = Segments(dir.File("plain.duckdb"), await Backfill(input, scheme, dir.File("plain.duckdb"), null));
        var zeroHeaders = await Backfill(input, scheme, dir.File("zero.duckdb"), new StabilitySettings(0m, 0));
        var zero = Segments(dir.File("zero.duckdb"), zeroHeaders);
        for (var t = 0; t < 6; t++) Assert.Equal(plain[t].OrderBy(p => p.Key), zero[t].OrderBy(p => p.Key));
        Assert.All(zeroHeaders, h => Assert.Null(h.StableFrom));
    }

    [Fact]
    public async Task Segment_BuiltInsWithHysteresis_HoldsValueTierNearCut_CountsAddUp()
    {
        using var dir = new TempDir();
        var input = TestData.CdnowSampleCsv(dir.Path);
        var db = dir.File("s.duckdb");
        var first = await SegmentationRunner.RunAsync(new SegmentationRequest { Transactions = new ImportOptions { Path = input }, Database = db });
        // Same history plus 800 big new spenders: the quantile cut points move up and unstabilised customers move down.
        var more = dir.File("more.csv");
        File.WriteAllLines(more, File.ReadAllLines(input).Concat(Enumerable.Range(1, 800).Select(i => $"N{i},19980601,1,5000")));
        var asOf = new Core.Pipelines.SegmentationOptions { AsOf = first.Result.Features.AsOf };
        var plainRun = await SegmentationRunner.RunAsync(new SegmentationRequest { Transactions = new ImportOptions { Path = more }, Database = db, Options = asOf, Snapshot = new SnapshotRequest { StableFrom = null } });
        var stableRun = await SegmentationRunner.RunAsync(new SegmentationRequest
        {
            Transactions = new ImportOptions { Path = more },
            Database = db,
            Options = asOf,
            Snapshot = new SnapshotRequest { Stability = new StabilitySettings(0.05m, 0), StableFrom = first.Snapshot!.Id },
        });
        Assert.Equal(first.Snapshot.Id, stableRun.Snapshot!.StableFrom);
        using var connection = DuckDbStore.Open(db);
        var fewer = new List<string>();
        foreach (var scheme in new[] { "rfm", "abc", "value_tier" })
        {
            var plain = SnapshotComparer.Diff(connection, first.Snapshot.Id, plainRun.Snapshot!.Id, scheme).Schemes[0];
            var stable = SnapshotComparer.Diff(connection, first.Snapshot.Id, stableRun.Snapshot.Id, scheme).Schemes[0];
            // ABC's A threshold jumps far (the 800 new customers hold most revenue): nobody is within 5 % of it.
            Assert.True(stable.Movers.Count <= plain.Movers.Count, $"{scheme}: {stable.Movers.Count} movers with hysteresis, {plain.Movers.Count} without");
            if (stable.Movers.Count < plain.Movers.Count) fewer.Add(scheme);
            var counts = stableRun.Result.Schemes.Single(s => s.Name == scheme).Segments.Sum(s => s.Customers);
            Assert.Equal(stableRun.Result.Features.Customers, counts);
        }
        Assert.Contains("rfm", fewer);
        Assert.Contains("value_tier", fewer);
    }

    [Fact]
    public async Task FreezeFromLatestInYaml_SameDataTwice_ZeroMovers_UnknownIdNamesFileLineAndIds()
    {
        using var dir = new TempDir();
        var input = TestData.CdnowSampleCsv(dir.Path);
        var db = dir.File("s.duckdb");
        var scheme = dir.File("tiers.yaml");
        File.WriteAllText(scheme, """
            name: tiers
            kind: bins
            bins: { measure: monetary_total, method: quantile, breaks: [0.5, 0.8] }
            segments: [ { name: low }, { name: mid }, { name: high } ]
            stability: { freeze_from: latest }
            """);
        SegmentationRequest Request(string file) => new() { Transactions = new ImportOptions { Path = file }, Database = db, Schemes = [scheme] };
        var first = await SegmentationRunner.RunAsync(Request(input));
        Assert.Contains(first.Notes, n => n.Contains("freeze_from: latest, but the store has no snapshot yet", StringComparison.Ordinal));
        var second = await SegmentationRunner.RunAsync(Request(input));
        using (var connection = DuckDbStore.Open(db))
        {
            var diff = SnapshotComparer.Diff(connection, first.Snapshot!.Id, second.Snapshot!.Id, "tiers").Schemes[0];
            Assert.Empty(diff.Movers);
            Assert.Equal(2357, diff.Matrix.Total);
        }
        // With 800 big new spenders the unfrozen quantiles would move; frozen to the latest snapshot nobody old moves.
        var more = dir.File("more.csv");
        File.WriteAllLines(more, File.ReadAllLines(input).Concat(Enumerable.Range(1, 800).Select(i => $"N{i},19980601,1,5000")));
        var third = await SegmentationRunner.RunAsync(Request(more) with { Options = new Core.Pipelines.SegmentationOptions { AsOf = first.Result.Features.AsOf } });
        using (var connection = DuckDbStore.Open(db))
        {
            var diff = SnapshotComparer.Diff(connection, second.Snapshot.Id, third.Snapshot!.Id, "tiers").Schemes[0];
            Assert.Empty(diff.Movers);
        }

        File.WriteAllText(scheme, File.ReadAllText(scheme).Replace("freeze_from: latest", "freeze_from: 99", StringComparison.Ordinal));
        var error = await Assert.ThrowsAsync<SegmentaInputException>(() => SegmentationRunner.RunAsync(Request(input)));
        Assert.Contains("tiers.yaml:5:", error.Message, StringComparison.Ordinal);
        Assert.Contains("snapshot \"99\" does not exist; stored snapshots: 1, 2, 3", error.Message, StringComparison.Ordinal);
    }
}
