using DuckDB.NET.Data;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Reporting;
using Segmenta.Core.Schemes;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Reporting;
using Segmenta.Data.Runs;

namespace Segmenta.Reports.Tests;

/// <summary>
/// One segment run (with CLV) on the CDNOW 1/10 sample (2,357 customers, tests/data) into a DuckDB file, shared by every test class:
/// the store, its report data, and a "full" variant that also fills the sections other features will supply
/// (stages, clusters, migration, alerts, holdout charts) and carries hostile text.
/// </summary>
public sealed class ReportFixture : IDisposable
{
    /// <summary>Text that would run if it were not escaped.</summary>
    public const string Hostile = "<script>alert('x')</script>";

    public ReportFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("segmenta-reports-").FullName;
        Database = Path.Combine(Directory, "store.duckdb");
        Run = SegmentationRunner.RunAsync(new SegmentationRequest
        {
            Transactions = new ImportOptions { Path = Segmenta.Tests.Shared.CdnowSample.WriteCsv(Directory) },
            Database = Database,
            Options = new SegmentationOptions { Clv = new ClvFeatureOptions() },
        }).GetAwaiter().GetResult();
        Connection = DuckDbStore.Open(Database);
        Data = ReportDataBuilder.Build(Connection);
        Full = WithOptionalSections(Data);
    }

    public string Directory { get; }

    public string Database { get; }

    public SegmentationRun Run { get; }

    public DuckDBConnection Connection { get; }

    /// <summary>The report data of the store, as the builder makes it.</summary>
    public ReportData Data { get; }

    /// <summary><see cref="Data"/> plus every optional section, with hostile text in ids and labels.</summary>
    public ReportData Full { get; }

    public long Scalar(string sql)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public string TempFile(string name) => Path.Combine(Directory, name);

    public void Dispose()
    {
        Connection.Dispose();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* best effort */ }
    }

    private static ReportData WithOptionalSections(ReportData data)
    {
        LocalizedText L(string zh, string en) => new(zh, en);
        var rfm = data.Schemes.Single(s => s.Name == "rfm");
        var keys = rfm.Segments.Take(4).Select(s => s.Key).ToList();
        var clv = data.Clv!;
        var cal = Enumerable.Range(0, 7).Select(f => new CalibrationRow(f, 100 - 10 * f, 0.2 + 0.5 * f, 0.25 + 0.48 * f)).ToList();
        var tracking = Enumerable.Range(1, 20).Select(w => new TrackingRow(w, 30.0 * w, 29.0 * w + 5)).ToList();
        var rows = data.Schemes.Single(s => s.Name == "rfm_cn8").Segments.Select(s => s.Label).ToList();
        var cols = data.Schemes.Single(s => s.Name == "value_tier").Segments.Select(s => s.Label).ToList();
        return data with
        {
            Clv = clv with
            {
                CalibrationVsHoldout = cal,
                Tracking = tracking,
                TopCustomers = [new TopCustomer(Hostile, 1e6, 0.9, 12, 5000), .. clv.TopCustomers],
            },
            Stages = [new CrossTabSection("rfm_cn8", "value_tier", rows, cols, [.. rows.Select((_, i) => (IReadOnlyList<long>)[.. cols.Select((_, j) => (long)(10 * i + j + 1))])])],
            Clusters = new ClusterSection(
                ["recency_days", "orders", "monetary_total"],
                [
                    new ClusterProfile("0", L("高价值活跃", "Active high value"), 1200, [-0.8, 1.6, 1.9]),
                    new ClusterProfile("1", L("沉睡", "Dormant"), 9000, [1.1, -0.5, -0.4]),
                    new ClusterProfile("2", L(Hostile, Hostile), 4000, [-0.2, 0.1, 0.0]),
                ],
                [new ClusterRule("0", "orders >= 5 and recency_days < 90", 1100, 0.93), new ClusterRule("1", "recency_days >= 300", 8700, 0.88)]),
            Migrations = [new MigrationSection("rfm", "2024-06-30", "2024-12-31",
                [.. rfm.Segments.Take(4).Select(s => new MigrationSegment(s.Key, s.Label))],
                [.. keys.SelectMany((from, i) => keys.Select((to, j) => new MigrationFlow(from, to, from == to ? 500 : 40 * (i + 1) + j)))])],
            Alerts = [new ReportAlert("warning", L("冠军客户中有 120 位转为有流失风险，请本周内回访。", "120 champions turned at-risk: call them this week.")), new ReportAlert("info", L("数据已更新。", "Data refreshed."))],
            Schemes = [.. data.Schemes, new SchemeSection("custom_vip", "custom_vip",
                [new SegmentRow("vip", L(Hostile, Hostile), L("自定义", "Custom"), 3, 300m, 10, 3, 100) { Playbook = new ReportPlaybook(L("专人拜访", "Visit in person"), "visit", "key_account_manager", 1, 30) }])
            { Title = L("VIP 方案", "VIP scheme") }],
        };
    }
}

[CollectionDefinition(Name)]
public sealed class ReportGroup : ICollectionFixture<ReportFixture>
{
    public const string Name = "report";
}
