using System.Globalization;
using Segmenta.Core;
using Segmenta.Core.Clustering;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Synthetic;
using Segmenta.Data.Analysis;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Runs;
using Segmenta.Data.Synthetic;

namespace Segmenta.Data.Tests.Analysis;

public class ClusteringServiceTests
{
    /// <summary>Generates planted clusters, imports, segments and clusters them into a store; returns the run and the truth.</summary>
    private static async Task<(ClusteringRun Run, Dictionary<string, string> Truth, string Db)> ClusterPlantedAsync(TempDir dir, int customers = 1200)
    {
        var orders = dir.File("orders.csv");
        var truthFile = dir.File("truth.csv");
        SyntheticCsvWriter.Write(new SyntheticOptions { Customers = customers, Clusters = 4, Seed = 7 }, new SyntheticOutputFiles(orders, Clusters: truthFile));
        var db = dir.File("store.duckdb");
        var run = await ClusteringService.RunAsync(new ClusteringRequest
        {
            Database = db,
            Segmentation = new SegmentationRequest { Transactions = new ImportOptions { Path = orders } },
            OutputDirectory = dir.File("out"),
        });
        var truth = File.ReadLines(truthFile).Skip(1).Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return (run, truth, db);
    }

    [Fact]
    public async Task RunAsync_PlantedClustersEndToEnd_PicksFourAndAgreesWithTruth()
    {
        using var dir = new TempDir();
        var (run, truth, db) = await ClusterPlantedAsync(dir);

        Assert.Equal(4, run.Assignment.Result.ChosenK);
        var ids = run.Assignment.CustomerIds;
        var ari = AdjustedRandIndex.Compute([.. ids.Select(id => truth[id])], run.Assignment.Result.Labels);
        Assert.True(ari >= 0.9, $"ARI {ari:F3}");

        // The cluster is a segment column of customer_segments, with labels, for every customer.
        using var connection = DuckDbStore.Open(db);
        var engine = new DuckDbEngine(connection);
        using var reader = engine.Query("SELECT count(*), count(cluster), count(DISTINCT cluster), count(cluster_label), count(rfm_segment) FROM customer_segments");
        reader.Read();
        Assert.Equal(ids.Count, reader.GetInt64(0));
        Assert.Equal(ids.Count, reader.GetInt64(1));
        Assert.Equal(4, reader.GetInt64(2));
        Assert.Equal(ids.Count, reader.GetInt64(3));
        Assert.Equal(ids.Count, reader.GetInt64(4));

        // Files: clusters.csv has one row per customer; the profiles one row per cluster with both names.
        Assert.Equal(ids.Count + 1, File.ReadLines(run.Files["clusters_csv"]).Count());
        var profiles = File.ReadAllLines(run.Files["profiles_csv"]);
        Assert.Equal(5, profiles.Length);
        Assert.StartsWith("cluster,name_zh,name_en,customers,share,mean_recency_days", profiles[0], StringComparison.Ordinal);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(run.Files["profiles_csv"])[..3]); // UTF-8 BOM for Excel
        Assert.Equal(ids.Count, profiles.Skip(1).Sum(l => long.Parse(l.Split(',')[3], CultureInfo.InvariantCulture)));
        Assert.Equal(10, File.ReadLines(run.Files["k_csv"]).Count());
    }

    [Fact]
    public async Task RunAsync_AgainOnTheStoreWithFixedK_ReplacesTheColumnAndExplainSeesIt()
    {
        using var dir = new TempDir();
        var (_, _, db) = await ClusterPlantedAsync(dir, customers: 600);

        var again = await ClusteringService.RunAsync(new ClusteringRequest { Database = db, Settings = new KMeansSettings { K = 3 }, Language = "zh-CN" });
        Assert.Equal(3, again.Assignment.Result.ChosenK);

        var explained = await ExplainService.ExplainAsync(new ExplainRequest { Database = db, Scheme = "cluster", MinLeaf = 10 });
        Assert.Equal("cluster", explained.SegmentColumn);
        Assert.Equal(3, explained.Tree.Classes.Count);
        Assert.True(explained.Fidelity > 0.85, $"fidelity {explained.Fidelity}");
        // Labels come from the catalogue: the generated bilingual names, not the keys.
        var names = again.Assignment.Profiles.Select(p => p.Name.En).ToHashSet(StringComparer.Ordinal);
        Assert.All(explained.ClassLabels, l => Assert.Contains(l.En, names));
    }

    [Fact]
    public async Task ExplainAsync_ValueTierIsOneThreshold_RecoveredExactly()
    {
        using var dir = new TempDir();
        var (_, _, db) = await ClusterPlantedAsync(dir, customers: 600);

        var result = await ExplainService.ExplainAsync(new ExplainRequest { Database = db, Scheme = "value_tier", Depth = 2, MinLeaf = 5 });

        Assert.Equal("value_tier", result.SegmentColumn);
        Assert.True(result.Fidelity >= 0.99, $"fidelity {result.Fidelity}");
        Assert.Contains(result.ClassLabels, l => l.ZhCn == "高价值");
        Assert.All(result.Rules, r => Assert.Contains("monetary_total", result.Text(r, "en"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_UnknownFeatureOrNoRun_IsInputErrorNamingTheFix()
    {
        using var dir = new TempDir();
        var empty = await Assert.ThrowsAsync<SegmentaInputException>(() => ClusteringService.RunAsync(new ClusteringRequest { Database = dir.File("none.duckdb") }));
        Assert.Contains("segmenta segment", empty.Message, StringComparison.Ordinal);

        var (_, _, db) = await ClusterPlantedAsync(dir, customers: 300);
        var unknown = await Assert.ThrowsAsync<SegmentaInputException>(() => ClusteringService.RunAsync(new ClusteringRequest
        {
            Database = db,
            Settings = new KMeansSettings { Features = ["orders", "spend"] },
        }));
        Assert.Contains("spend", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("monetary_total", unknown.Message, StringComparison.Ordinal);

        var scheme = await Assert.ThrowsAsync<SegmentaInputException>(() => ExplainService.ExplainAsync(new ExplainRequest { Database = db, Scheme = "nope" }));
        Assert.Contains("rfm", scheme.Message, StringComparison.Ordinal);
    }
}
