using Segmenta.Core.Snapshots.Migration;
using Segmenta.Data.Alerts;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Runs;
using Segmenta.Data.Snapshots;

namespace Segmenta.Data.Tests.Snapshots;

public sealed class SnapshotStoreTests
{
    private static async Task<SegmentationRun> Run(string input, string db, SnapshotRequest? snapshot = null) =>
        await SegmentationRunner.RunAsync(new SegmentationRequest
        {
            Transactions = new ImportOptions { Path = input },
            Database = db,
            Snapshot = snapshot ?? new SnapshotRequest(),
        });

    [Fact]
    public async Task Segment_SameDataTwiceWithFrozenCutPoints_ZeroMovers()
    {
        using var dir = new TempDir();
        var input = TestData.CdnowSampleCsv(dir.Path);
        var db = Path.Combine(dir.Path, "s.duckdb");
        var first = await Run(input, db);
        var second = await Run(input, db, new SnapshotRequest { FreezeFrom = first.Snapshot!.Id });
        Assert.Equal(first.Snapshot.Id, second.Snapshot!.FrozenFrom);
        using var connection = DuckDbStore.Open(db);
        var diff = SnapshotComparer.Diff(connection, first.Snapshot.Id, second.Snapshot.Id);
        Assert.Equal(4, diff.Schemes.Count);
        Assert.All(diff.Schemes, m => Assert.Empty(m.Movers));
        Assert.All(diff.Schemes, m => Assert.Equal(2357, m.Matrix.Total));
        Assert.All(first.Snapshot.Schemes, s => Assert.Equal(s.PlanHash, second.Snapshot.Scheme(s.Name)!.PlanHash));
    }

    [Fact]
    public async Task Segment_NewBigSpenders_UnfrozenMovesOldCustomers_FrozenDoesNot()
    {
        using var dir = new TempDir();
        var input = TestData.CdnowSampleCsv(dir.Path);
        var more = Path.Combine(dir.Path, "more.csv");
        // The same history plus 800 new customers who each spent 5,000 on 1998-06-01: the population's quantiles move up.
        File.WriteAllLines(more, File.ReadAllLines(input).Concat(Enumerable.Range(1, 800).Select(i => $"N{i},19980601,1,5000")));
        var db = Path.Combine(dir.Path, "s.duckdb");
        var asOf = new Core.Pipelines.SegmentationOptions { AsOf = new DateOnly(1998, 6, 30) };
        async Task<long> At(string file, long? freeze) => (await SegmentationRunner.RunAsync(new SegmentationRequest
        {
            Transactions = new ImportOptions { Path = file },
            Database = db,
            Options = asOf,
            Snapshot = new SnapshotRequest { FreezeFrom = freeze },
        })).Snapshot!.Id;
        var reference = await At(input, null);
        var unfrozen = await At(more, null);
        var frozen = await At(more, reference);
        using var connection = DuckDbStore.Open(db);
        var moved = SnapshotComparer.Diff(connection, reference, unfrozen, "value_tier").Schemes[0];
        Assert.NotEmpty(moved.Movers);
        Assert.Equal(800, moved.OnlyAfter.Values.Sum());
        foreach (var m in SnapshotComparer.Diff(connection, reference, frozen).Schemes)
        {
            Assert.Empty(m.Movers);            // old customers' features did not change, so neither did their segments
            Assert.Equal(2357, m.Matrix.Total);
        }
    }

    [Fact]
    public async Task Delete_RemovesEverything_IdsNotReused_NoSnapshotOptionStoresNone()
    {
        using var dir = new TempDir();
        var input = TestData.CdnowSampleCsv(dir.Path);
        var db = Path.Combine(dir.Path, "s.duckdb");
        var a = (await Run(input, db)).Snapshot!;
        var b = (await Run(input, db)).Snapshot!;
        Assert.Equal(a.ContentHash, b.ContentHash);   // same input, same as-of: same content
        Assert.Null((await SegmentationRunner.RunAsync(new SegmentationRequest { Transactions = new ImportOptions { Path = input }, Database = db, Snapshot = null })).Snapshot);
        using (var connection = DuckDbStore.Open(db))
        {
            var store = new SnapshotStore(connection);
            store.Delete(b.Id);
            Assert.Equal([a.Id], store.List().Select(h => h.Id));
            Assert.Equal(a.ContentHash, store.ComputeContentHash(a.Id));
            Assert.Throws<Core.SegmentaInputException>(() => store.Delete(b.Id));
        }
        var c = (await Run(input, db)).Snapshot!;
        Assert.True(c.Id > b.Id);
        Assert.Equal("duckdb", c.Engine);
        Assert.Equal(64, c.Input.Sha256.Length);
        Assert.Equal(6919, c.Input.Rows);
    }

    [Fact]
    public async Task Alerts_YamlRulesOnNewSnapshot_WrittenToAlertsJson()
    {
        using var dir = new TempDir();
        var input = TestData.CdnowSampleCsv(dir.Path);
        var db = Path.Combine(dir.Path, "s.duckdb");
        var rules = Path.Combine(dir.Path, "alerts.yaml");
        File.WriteAllText(rules, """
            alerts:
              - name: A customers lost
                when: leaves_segment
                scheme: abc_class
                from: A
              - segment_shrinks: {scheme: rfm_segment, segment: champions, by_more_than: 10%}
              - when: no_contact
                scheme: abc
                segment: A
                days: 60
            """);
        await SegmentationRunner.RunAsync(new SegmentationRequest { Transactions = new ImportOptions { Path = input }, Database = db, Options = new() { AsOf = new DateOnly(1997, 12, 31) } });
        var run = await SegmentationRunner.RunAsync(new SegmentationRequest
        {
            Transactions = new ImportOptions { Path = input },
            Database = db,
            OutputDirectory = Path.Combine(dir.Path, "out"),
            Format = OutputFormat.Csv,
            Snapshot = new SnapshotRequest { AlertRulesPath = rules },
        });
        var report = run.Alerts!;
        Assert.Equal(3, report.Results.Count);
        Assert.Equal("skipped: no interactions imported", report.Results[2].MessageEn);
        using var connection = DuckDbStore.Open(db);
        var expected = MigrationAnalysis.Compare("abc", new SnapshotStore(connection).Assignments(1, "abc"), new SnapshotStore(connection).Assignments(2, "abc"))
            .Movers.Count(m => m.From == "A");
        Assert.Equal(expected, report.Results[0].Customers.Count);
        Assert.True(File.Exists(Path.Combine(dir.Path, "out", AlertRunner.AlertsJson)));
    }

    [Theory]
    [InlineData("- &a {when: leaves_segment, scheme: abc, from: A}\n- *a\n", "not allowed")]
    [InlineData("- when: leaves_segment\n  scheme: abc\n", "\"from\" is required")]
    [InlineData("- when: shrinks\n  scheme: abc\n", "unknown kind")]
    [InlineData("- when: segment_shrinks\n  scheme: abc\n  segment: A\n  by_more_than: lots\n", "not a share")]
    public void AlertRulesFile_BadInput_RefusedWithLine(string yaml, string expected)
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "r.yaml");
        File.WriteAllText(path, yaml);
        var ex = Assert.Throws<Core.SegmentaInputException>(() => AlertRulesFile.Load(path));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("line", ex.Message, StringComparison.Ordinal);
    }
}

public sealed class SnapshotHistogramsTests
{
    [Fact]
    public async Task Plan_DefinitionWithSnapshotHistograms_ReproducesSnapshotCutPoints()
    {
        using var dir = new TempDir();
        var input = TestData.CdnowSampleCsv(dir.Path);
        var db = Path.Combine(dir.Path, "s.duckdb");
        var run = await SegmentationRunner.RunAsync(new SegmentationRequest { Transactions = new ImportOptions { Path = input }, Database = db });
        var definition = new Core.Schemes.Definitions.SchemeDefinition
        {
            Name = "spend_band",
            Kind = Core.Schemes.Definitions.SchemeKinds.Bins,
            Bins = new Core.Schemes.Definitions.BinsSettings { Measure = "monetary_total", Method = Core.Schemes.Definitions.BinMethods.Quantile, Breaks = [0.5m, 0.8m] },
            Segments = [new() { Name = "low" }, new() { Name = "mid" }, new() { Name = "high" }],
        };
        using var connection = DuckDbStore.Open(db);
        var live = Core.Schemes.Planning.SchemePlanner.Plan(definition, c => new Core.Numerics.ValueHistogram([.. Enumerable.Range(1, 9).Select(i => (decimal)i * 1000)], [.. Enumerable.Repeat(1L, 9)], 0));
        var frozen = Core.Schemes.Planning.SchemePlanner.Plan(definition, SnapshotHistograms.Of(connection, run.Snapshot!.Id));
        // value_tier's cut points are Q(0.5) and Q(0.8) of the same column in the snapshot: the frozen bins reproduce them.
        var tiers = run.Snapshot.Scheme("value_tier")!.Parameters["value_tier_thresholds"];
        Assert.Equal(tiers, frozen.Parameters["spend_band_cut_points"]);
        Assert.NotEqual(frozen.Parameters["spend_band_cut_points"], live.Parameters["spend_band_cut_points"]);
    }
}
