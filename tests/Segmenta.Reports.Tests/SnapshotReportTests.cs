using System.Globalization;
using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Core.Reporting;
using Segmenta.Core.Snapshots;
using Segmenta.Core.Snapshots.Migration;
using Segmenta.Data.Alerts;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Reporting;
using Segmenta.Data.Snapshots;

namespace Segmenta.Reports.Tests;

/// <summary>
/// A monthly backfill over the CDNOW 1/10 sample (four snapshots, March to June 1997) with alert rules evaluated and
/// kept on the last snapshot: the store that <c>report --snapshot</c> and the migration section read.
/// </summary>
public sealed class MigrationStoreFixture : IDisposable
{
    public const string Rules = """
        alerts:
          - name: key accounts lost
            when: leaves_segment
            scheme: abc
            from: A
          - name: at-risk grows
            when: segment_grows
            scheme: rfm
            segment: at_risk
            by_more_than: 0%
          - name: champions double
            when: segment_grows
            scheme: rfm
            segment: champions
            by_more_than: 1000%
        """;

    public MigrationStoreFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("segmenta-report-snapshots-").FullName;
        Database = Path.Combine(Directory, "store.duckdb");
        Backfill = Data.Snapshots.Backfill.RunAsync(new BackfillRequest
        {
            Transactions = new ImportOptions { Path = Segmenta.Tests.Shared.CdnowSample.WriteCsv(Directory) },
            Database = Database,
            From = new DateOnly(1997, 3, 1),
            To = new DateOnly(1997, 6, 1),
            Every = BackfillEvery.Month,
        }).GetAwaiter().GetResult();
        RulesPath = Path.Combine(Directory, "alerts.yaml");
        File.WriteAllText(RulesPath, Rules);
        Connection = DuckDbStore.Open(Database);
        Alerts = AlertRunner.Evaluate(Connection, RulesPath, Backfill.Snapshots[^1].Id, null);
    }

    public string Directory { get; }

    public string Database { get; }

    public string RulesPath { get; }

    public BackfillResult Backfill { get; }

    public AlertReport Alerts { get; }

    public DuckDBConnection Connection { get; }

    public long Scalar(string sql)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        var value = cmd.ExecuteScalar();
        return value is System.Numerics.BigInteger big ? (long)big : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        Connection.Dispose();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* best effort */ }
    }
}

/// <summary><c>segmenta report --snapshot ID</c>: every section from that snapshot, migration against the one before, its alerts.</summary>
[Collection(RealRunsGroup.Name)]
public sealed class SnapshotReportTests(MigrationStoreFixture store)
{
    private IReadOnlyList<SnapshotHeader> Snapshots => store.Backfill.Snapshots;

    [Fact]
    public void Build_BackfillOnly_ReportsTheLatestSnapshot()
    {
        var data = ReportDataBuilder.Build(store.Connection);
        var last = Snapshots[^1];
        Assert.Equal(last.Id, data.SnapshotId);
        Assert.Equal(last.AsOf, data.AsOf);
        Assert.Equal(last.Customers, data.Overview.Customers);
    }

    [Fact]
    public void Build_Snapshot_EverySectionComesFromThatSnapshot()
    {
        var h = Snapshots[1];
        var table = SnapshotStore.CustomersTable(h.Id);
        var data = ReportDataBuilder.Build(store.Connection, new ReportBuildOptions { Snapshot = h.Id });
        Assert.Equal(h.Id, data.SnapshotId);
        Assert.Equal(h.AsOf, data.AsOf);
        Assert.Equal(h.Customers, data.Overview.Customers);
        Assert.Equal(store.Scalar($"SELECT sum(orders) FROM {table}"), data.Overview.Orders);
        // The run record kept with the snapshot: the backfill's row accounting and the transactions up to its as-of date.
        Assert.Equal(h.Input.Rows, data.DataQuality.RowsRead);
        Assert.Equal(h.AsOf, data.DataQuality.LastDate);
        Assert.Equal(store.Scalar($"SELECT count(*) FROM transactions WHERE order_date <= DATE '{h.AsOf:yyyy-MM-dd}'"), data.DataQuality.TransactionsUsed);
        var snapshots = new SnapshotStore(store.Connection);
        foreach (var scheme in data.Schemes)
        {
            Assert.Equal(h.Customers, scheme.Customers);
            var assigned = snapshots.Assignments(h.Id, scheme.Name);
            foreach (var row in scheme.Segments)
                Assert.Equal(assigned.Values.Count(v => v == row.Key), row.Customers);
        }
        var grid = Assert.IsType<RfmSection>(data.Rfm).Grid;
        Assert.Equal(h.Customers, grid.Sum(c => c.Customers));
        Assert.Equal(store.Scalar($"SELECT count(*) FROM {table} WHERE rfm_r = 5 AND rfm_f = 5"), grid.Where(c => c.R == 5 && c.F == 5).Sum(c => c.Customers));
        Assert.Equal(h.Customers, Assert.Single(data.Matrices).Population);
        Assert.Equal(h.Customers, Assert.IsType<ParetoSection>(data.Pareto).Classes.Sum(c => c.Customers));
        Assert.Equal(h.Customers, Assert.IsType<CustomerTable>(data.Customers).Rows().LongCount());
        // Migration: from the snapshot before it; no alerts were kept with this one.
        Assert.All(data.Migrations, m => Assert.StartsWith(Snapshots[0].Id + " (", m.FromSnapshot, StringComparison.Ordinal));
        Assert.Empty(data.Alerts);
    }

    [Fact]
    public void Build_Latest_MigrationEqualsCoreMigrationForTheSamePair()
    {
        var (before, after) = (Snapshots[^2], Snapshots[^1]);
        var data = ReportDataBuilder.Build(store.Connection, new ReportBuildOptions { Snapshot = after.Id });
        Assert.Contains(data.Migrations, m => m.Scheme == "rfm");
        Assert.Contains(data.Migrations, m => m.Scheme == "abc");
        var snapshots = new SnapshotStore(store.Connection);
        foreach (var m in data.Migrations)
        {
            var keys = after.Scheme(m.Scheme)!.Segments.Select(s => s.Key).ToList();
            var core = MigrationAnalysis.Compare(m.Scheme, snapshots.Assignments(before.Id, m.Scheme), snapshots.Assignments(after.Id, m.Scheme), keys);
            Assert.Equal(core.Matrix.Segments, m.Segments.Select(s => s.Key));
            for (var i = 0; i < core.Matrix.Segments.Count; i++)
                for (var j = 0; j < core.Matrix.Segments.Count; j++)
                    Assert.Equal(core.Matrix.Counts[i][j], m.Transitions.Where(f => f.From == core.Matrix.Segments[i] && f.To == core.Matrix.Segments[j]).Sum(f => f.Customers));
            Assert.Equal(core.Movers.Count, m.Moved);
            Assert.Equal(core.OnlyAfter.Values.Sum(), m.OnlyAfter);
            Assert.Equal(after.Customers - core.Matrix.Total, m.OnlyAfter);
        }
    }

    [Fact]
    public void Build_Compare_ChoosesTheEarlierSnapshot()
    {
        var (first, last) = (Snapshots[0], Snapshots[^1]);
        var data = ReportDataBuilder.Build(store.Connection, new ReportBuildOptions { Snapshot = last.Id, Compare = first.Id });
        var abc = Assert.Single(data.Migrations, m => m.Scheme == "abc");
        Assert.Equal($"{first.Id} ({first.AsOf:yyyy-MM-dd})", abc.FromSnapshot);
        var inBoth = store.Scalar($"SELECT count(*) FROM {SnapshotStore.CustomersTable(first.Id)} JOIN {SnapshotStore.CustomersTable(last.Id)} USING (customer_id)");
        Assert.Equal(inBoth, abc.Total);
    }

    [Fact]
    public void Build_Alerts_KeptWithTheSnapshotOrEvaluatedFromRules()
    {
        var fired = store.Alerts.Results.Where(r => r.Status == Core.Snapshots.Alerts.AlertResult.Triggered).ToList();
        Assert.NotEmpty(fired);
        Assert.NotEqual(store.Alerts.Results.Count, fired.Count);   // "champions double" does not fire
        var kept = ReportDataBuilder.Build(store.Connection, new ReportBuildOptions { Snapshot = Snapshots[^1].Id }).Alerts;
        Assert.Equal(fired.Select(r => r.Rule.DisplayName), kept.Select(a => a.Rule));
        Assert.Equal(fired.Select(r => r.MessageZh), kept.Select(a => a.Message.ZhCn));
        // --alerts FILE on a snapshot that kept none.
        var evaluated = ReportDataBuilder.Build(store.Connection, new ReportBuildOptions { Snapshot = Snapshots[^2].Id, AlertRules = store.RulesPath }).Alerts;
        Assert.All(evaluated, a => Assert.Equal("warning", a.Severity));
        Assert.Equal(AlertRunner.Evaluate(store.Connection, store.RulesPath, Snapshots[^2].Id, null, keep: false).Triggered, evaluated.Count);
    }

    [Fact]
    public void Build_SnapshotWithoutKeptRecord_RebuildsItFromTheSnapshot()
    {
        var h = Snapshots[2];
        var kept = ReportDataBuilder.Build(store.Connection, new ReportBuildOptions { Snapshot = h.Id });
        Exec("BEGIN TRANSACTION");
        try
        {
            Exec($"DELETE FROM {RunRecordStore.SnapshotTable} WHERE snapshot_id = {h.Id}");
            Assert.Null(RunRecordStore.LoadForSnapshot(store.Connection, h.Id));
            var rebuilt = ReportDataBuilder.Build(store.Connection, new ReportBuildOptions { Snapshot = h.Id });
            Assert.Equal(h.AsOf, rebuilt.AsOf);
            Assert.Equal(h.Input.Rows, rebuilt.DataQuality.RowsRead);
            Assert.Equal(kept.DataQuality.LastDate, rebuilt.DataQuality.LastDate);
            Assert.Equal(kept.Schemes.Select(s => s.Name), rebuilt.Schemes.Select(s => s.Name));
            foreach (var (a, b) in kept.Schemes.Zip(rebuilt.Schemes))
            {
                var expected = a.Segments.Where(s => s.Customers > 0).ToList();
                Assert.Equal(expected.Select(s => s.Key), b.Segments.Select(s => s.Key));
                Assert.Equal(expected.Select(s => s.Label), b.Segments.Select(s => s.Label));
                Assert.Equal(expected.Select(s => s.Customers), b.Segments.Select(s => s.Customers));
                Assert.Equal(expected.Select(s => s.Revenue), b.Segments.Select(s => s.Revenue));
                Assert.Equal(a.Parameters.Keys.Order(StringComparer.Ordinal), b.Parameters.Keys.Order(StringComparer.Ordinal));
            }
            Assert.Equal(kept.Overview, rebuilt.Overview);
            Assert.Equal(kept.Migrations.Select(m => m.Moved), rebuilt.Migrations.Select(m => m.Moved));
        }
        finally
        {
            Exec("ROLLBACK");
        }
    }

    private void Exec(string sql)
    {
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void Build_UnknownSnapshot_InputErrorListsTheIds()
    {
        var ex = Assert.Throws<SegmentaInputException>(() => ReportDataBuilder.Build(store.Connection, new ReportBuildOptions { Snapshot = 999 }));
        Assert.Contains("--snapshot 999", ex.Message, StringComparison.Ordinal);
        foreach (var h in Snapshots) Assert.Contains($"{h.Id} ({h.AsOf:yyyy-MM-dd})", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<SegmentaInputException>(() => ReportDataBuilder.Build(store.Connection, new ReportBuildOptions { Snapshot = Snapshots[^1].Id, Compare = 998 }));
        Assert.Contains("--compare 998", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_Snapshot_ShowsMigrationMatrixAndAlerts()
    {
        var data = ReportDataBuilder.Build(store.Connection, new ReportBuildOptions { Snapshot = Snapshots[^1].Id });
        var html = Html.HtmlReport.Render(data, "en");
        Assert.Contains("id=\"migration\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"alerts\"", html, StringComparison.Ordinal);
        foreach (var a in data.Alerts) Assert.Contains(System.Net.WebUtility.HtmlEncode(a.Message.En), html, StringComparison.Ordinal);
        var abc = data.Migrations.Single(m => m.Scheme == "abc");
        Assert.Contains(abc.Moved.ToString("N0", CultureInfo.GetCultureInfo("en")) + " (", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_SnapshotWorkbookAndCharts_HonourTheSnapshot()
    {
        var h = Snapshots[0];
        var data = ReportDataBuilder.Build(store.Connection, new ReportBuildOptions { Snapshot = h.Id });
        var xlsx = Path.Combine(store.Directory, $"snapshot-{h.Id}.xlsx");
        Assert.Equal([xlsx], ReportWriter.Write(data, xlsx, "en"));
        var t = new Text.ReportText("en");
        var book = WorkbookTests.Read(xlsx);
        Assert.Equal(h.Customers, book.Tables[t["sheet.customers"]]!.Rows.Count);
        var abc = book.Tables[t.Scheme("abc")]!;
        var counts = abc.Rows.Cast<System.Data.DataRow>().Select(r => Convert.ToInt64(r[t["col.customers"]], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(data.Schemes.Single(s => s.Name == "abc").Segments.Select(s => s.Customers), counts);
        Assert.Equal(h.Customers, counts.Sum());
    }
}

[CollectionDefinition(Name)]
public sealed class RealRunsGroup : ICollectionFixture<MigrationStoreFixture>, ICollectionFixture<AnalysisStoreFixture>
{
    public const string Name = "real-runs";
}
