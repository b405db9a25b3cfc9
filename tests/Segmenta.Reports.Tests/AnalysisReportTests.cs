using System.Globalization;
using DuckDB.NET.Data;
using Segmenta.Core.Reporting;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Synthetic;
using Segmenta.Data.Analysis;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Reporting;
using Segmenta.Data.Runs;
using Segmenta.Data.Synthetic;

namespace Segmenta.Reports.Tests;

/// <summary>
/// Generated data with four planted clusters (<c>generate --clusters 4</c>), segmented with two matrix schemes (the
/// <c>value_frequency_matrix</c> preset and a 3 × 2 YAML grid), then <c>cluster</c> (k = 4) and <c>explain</c> on the store.
/// </summary>
public sealed class AnalysisStoreFixture : IDisposable
{
    public const string GridYaml = """
        name: spend_orders_grid
        kind: matrix
        label: { zh-CN: 消费-订单网格, en: Spend × orders grid }
        matrix:
          rows: { measure: monetary_total, split: quantile, at: [0.5, 0.9] }
          columns: { measure: orders, split: fixed, at: [3] }
        segments:
          - { name: small_few, cell: [1, 1], label: { zh-CN: 小额少单, en: Small and few }, playbook: { action: { zh-CN: 自动化培育, en: Automated nurture } } }
          - { name: small_many, cell: [1, 2], label: { zh-CN: 小额多单, en: Small and many }, playbook: { action: { zh-CN: 提升客单价, en: Raise basket size } } }
          - { name: mid_few, cell: [2, 1], label: { zh-CN: 中额少单, en: Mid and few }, playbook: { action: { zh-CN: 复购提醒, en: Reorder reminders } } }
          - { name: mid_many, cell: [2, 2], label: { zh-CN: 中额多单, en: Mid and many }, playbook: { action: { zh-CN: 交叉销售, en: Cross-sell } } }
          - { name: top_few, cell: [3, 1], label: { zh-CN: 大额少单, en: Big and few }, playbook: { action: { zh-CN: 专人回访, en: Personal follow-up } } }
          - { name: top_many, cell: [3, 2], label: { zh-CN: 大额多单, en: Big and many }, playbook: { action: { zh-CN: 专属权益, en: Exclusive benefits } } }
        """;

    public AnalysisStoreFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("segmenta-report-analysis-").FullName;
        Database = Path.Combine(Directory, "store.duckdb");
        var orders = Path.Combine(Directory, "orders.csv");
        SyntheticCsvWriter.Write(new SyntheticOptions { Customers = 900, Clusters = 4, Seed = 7 }, new SyntheticOutputFiles(orders));
        var grid = Path.Combine(Directory, "grid.yaml");
        File.WriteAllText(grid, GridYaml);
        SegmentationRunner.RunAsync(new SegmentationRequest
        {
            Transactions = new ImportOptions { Path = orders },
            Database = Database,
            Schemes = ["value_frequency_matrix", grid],
        }).GetAwaiter().GetResult();
        Clusters = ClusteringService.RunAsync(new ClusteringRequest { Database = Database, Settings = new KMeansSettings { K = 4 } }).GetAwaiter().GetResult();
        Explain = ExplainService.ExplainAsync(new ExplainRequest { Database = Database, Scheme = Clusters.Scheme }).GetAwaiter().GetResult();
        Connection = DuckDbStore.Open(Database);
        Data = ReportDataBuilder.Build(Connection);
    }

    public string Directory { get; }

    public string Database { get; }

    public ClusteringRun Clusters { get; }

    public ExplainResult Explain { get; }

    public DuckDBConnection Connection { get; }

    public ReportData Data { get; }

    public long Scalar(string sql)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        Connection.Dispose();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* best effort */ }
    }
}

/// <summary>The clusters and classification-matrix sections filled from real runs.</summary>
[Collection(RealRunsGroup.Name)]
public sealed class AnalysisReportTests(AnalysisStoreFixture store)
{
    [Fact]
    public void Build_AfterClusterAndExplain_ShowsProfilesInOriginalUnitsAndTheTreeRules()
    {
        var c = Assert.IsType<ClusterSection>(store.Data.Clusters);
        var fitted = store.Clusters.Assignment;
        Assert.Equal(fitted.Result.Model.Features, c.Features);
        Assert.Equal(4, c.Profiles.Count);
        Assert.Equal(store.Data.Overview.Customers, c.Profiles.Sum(p => p.Customers));
        foreach (var (shown, fit) in c.Profiles.Zip(fitted.Profiles))
        {
            Assert.Equal(fit.Key, shown.Key);
            Assert.Equal(fit.Name, shown.Label);
            Assert.Equal(store.Scalar($"SELECT count(*) FROM customer_segments WHERE cluster = '{fit.Key}'"), shown.Customers);
            Assert.Equal(fit.Means, shown.Means);
            Assert.Equal(fit.ZScores, shown.Centre);
        }
        // Means in original units: the mean orders of a cluster, straight from the table.
        var first = c.Profiles[0];
        var orders = c.Features.ToList().IndexOf("orders");
        if (orders >= 0)
        {
            using var cmd = store.Connection.CreateCommand();
            cmd.CommandText = $"SELECT avg(orders) FROM customer_segments WHERE cluster = '{first.Key}'";
            Assert.Equal(Convert.ToDouble(cmd.ExecuteScalar(), CultureInfo.InvariantCulture), first.Means[orders], 6);
        }
        Assert.Equal(store.Explain.Fidelity, c.Fidelity);
        Assert.Equal(store.Explain.Rules.Count, c.Rules.Count);
        Assert.Equal(store.Explain.Rules.Select(r => r.Size), c.Rules.Select(r => r.Customers));
        Assert.Equal(store.Explain.Rules.Select(r => store.Explain.Tree.Classes[r.Class]), c.Rules.Select(r => r.Cluster));
        Assert.All(c.Rules, r => Assert.Contains(Assert.IsType<Core.Schemes.LocalizedText>(r.Text).ZhCn.Split(" 且 ")[0], store.Explain.Text(store.Explain.Rules[c.Rules.ToList().IndexOf(r)], "zh-CN"), StringComparison.Ordinal));
    }

    [Fact]
    public void Build_MatrixSchemes_OneSectionEachWithTheirMeasuresBreaksCountsAndPlaybooks()
    {
        var matrices = store.Data.Matrices;
        Assert.Equal(["value_frequency_matrix", "spend_orders_grid"], matrices.Select(m => m.Scheme));
        foreach (var m in matrices)
        {
            var scheme = store.Data.Schemes.Single(s => s.Name == m.Scheme);
            Assert.Equal("orders", m.XMeasure);
            Assert.Equal("monetary_total", m.YMeasure);
            Assert.Equal(scheme.Parameters[m.Scheme + "_column_cut_points"].Select(v => (double)v), m.XLines);
            Assert.Equal(scheme.Parameters[m.Scheme + "_row_cut_points"].Select(v => (double)v), m.YLines);
            Assert.Equal(store.Data.Overview.Customers, m.Population);
            foreach (var q in m.Quadrants)
            {
                Assert.Equal(store.Scalar($"SELECT count(*) FROM customer_segments WHERE \"{m.Scheme}\" = '{q.Key}'"), q.Customers);
                Assert.Equal(scheme.Segments.Single(s => s.Key == q.Key).Playbook!.Action, q.Strategy);
            }
            Assert.All(m.Sample, p => Assert.Contains(p.Quadrant, m.Quadrants.Select(q => q.Key)));
        }
        var preset = matrices[0];
        Assert.Equal(("mean", "mean"), (preset.XSplitKind, preset.YSplitKind));
        using (var cmd = store.Connection.CreateCommand())
        {
            cmd.CommandText = "SELECT avg(orders) FROM customer_features";
            Assert.Equal(Convert.ToDouble(cmd.ExecuteScalar(), CultureInfo.InvariantCulture), preset.XSplit, 4);
        }
        Assert.Equal("high_value_high_frequency", preset.Quadrants[0].Key);   // top cell first
        Assert.Equal("重点维护，提供专属权益", preset.Quadrants[0].Strategy!.ZhCn);
        var grid = matrices[1];
        Assert.Equal(6, grid.Quadrants.Count);
        Assert.Equal(2, grid.YLines.Count);
        Assert.Equal([3.0], grid.XLines);
        Assert.Equal(("quantile", "fixed"), (grid.YSplitKind, grid.XSplitKind));
        Assert.Equal(new Core.Schemes.LocalizedText("消费-订单网格", "Spend × orders grid"), grid.Title);
        Assert.True(grid.LogY);   // spend is skewed and positive
    }

    [Fact]
    public void Html_MatrixAndClusters_ShowSchemeTitlesStrategiesAndRules()
    {
        var html = Html.HtmlReport.Render(store.Data, "zh-CN");
        Assert.Contains("消费-订单网格", html, StringComparison.Ordinal);
        Assert.Contains("专人回访", html, StringComparison.Ordinal);
        Assert.Contains("重点维护，提供专属权益", html, StringComparison.Ordinal);
        Assert.Contains("id=\"clusters\"", html, StringComparison.Ordinal);
        Assert.Contains(new Text.ReportText("zh-CN").Percent(store.Explain.Fidelity), html, StringComparison.Ordinal);
        var files = ReportWriter.Write(store.Data, Path.Combine(store.Directory, "charts"), "en");
        Assert.Contains(files, f => f.EndsWith("matrix_spend_orders_grid.png", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("matrix_value_frequency_matrix.svg", StringComparison.Ordinal));
    }
}
