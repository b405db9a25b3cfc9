using Segmenta.Core;
using Segmenta.Core.Clustering;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Synthetic;
using Segmenta.Data.Analysis;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Runs;
using Segmenta.Data.Schemes;
using Segmenta.Data.Synthetic;

namespace Segmenta.Data.Tests.Schemes;

/// <summary>Kind kmeans (issue 5) through the YAML path: loading, errors with file:line:col, a run, explain.</summary>
public class KMeansSchemeTests
{
    /// <summary>The example of the task, verbatim.</summary>
    public const string Example = """
        name: spend_clusters
        kind: kmeans
        features: [recency_days, frequency, monetary_total]
        k: 4
        transform: auto
        seed: 42
        """;

    private static IReadOnlyList<SchemeProblem> Problems(string yaml)
    {
        try
        {
            return SchemeYamlLoader.Check(SchemeYamlLoader.Parse(yaml, "c.yaml"), SchemeCatalog.DefaultSchema());
        }
        catch (SchemeFileException e)
        {
            return e.Problems;
        }
    }

    [Fact]
    public void Parse_Example_EverySetting()
    {
        var d = SchemeYamlLoader.ParseValid(Example, "c.yaml", SchemeCatalog.DefaultSchema()).Definition;
        Assert.Equal(SchemeKinds.KMeans, d.Kind);
        Assert.Equal(["recency_days", "frequency", "monetary_total"], d.KMeans!.Features);
        Assert.Equal(4, d.KMeans.K);
        Assert.Equal(42, d.KMeans.Seed);
        Assert.Equal("auto", d.KMeans.Transform);
        Assert.Equal((0.01, 0.99), d.KMeans.ToTransformOptions().Winsorize);

        var auto = SchemeYamlLoader.ParseValid("name: c\nkind: kmeans\nfeatures: [orders, monetary_total]\nk: auto\nk_range: [3, 6]\ntransform: none\n", "c.yaml", SchemeCatalog.DefaultSchema()).Definition.KMeans!;
        Assert.Null(auto.K);
        Assert.Equal((3, 6), (auto.MinK, auto.MaxK));
        Assert.Equal(Log1pPolicy.Never, auto.ToTransformOptions().Log1p);
        Assert.Null(auto.ToTransformOptions().Winsorize);
    }

    [Theory]
    [InlineData("features: [recency_days, monetary_totl]\nk: 4\n", 3, 26, "did you mean \"monetary_total\"")]
    [InlineData("features: [recency_days, region]\nk: 4\n", 3, 26, "column \"region\" is text")]
    [InlineData("features: [recency_days, orders]\nk: 1\n", 4, 4, "k must be at least 2")]
    [InlineData("features: [recency_days, orders]\nk: auto\nk_range: [1, 5]\n", 5, 10, "k_range")]
    [InlineData("features: [recency_days, orders]\nk: 3\ndefault: x\n", 5, 10, "takes no default")]
    [InlineData("features: [recency_days, orders]\nk: 4\ntransfrom: auto\n", 5, 1, "did you mean \"transform\"")]
    public void InvalidSettings_OneProblemAtTheLine(string settings, int line, int column, string message)
    {
        var problems = Problems("name: c\nkind: kmeans\n" + settings);
        var p = Assert.Single(problems);
        Assert.Contains(message, p.Message, StringComparison.Ordinal);
        Assert.Equal(("c.yaml", line, column), (p.Source, p.Line, p.Column));
    }

    [Fact]
    public void Settings_OfKindKMeansInAnotherKind_AreAProblem()
    {
        var problems = Problems("name: r\nkind: rules\nfeatures: [orders]\nsegments: [{ name: a, when: orders > 1 }]\ndefault: b\n");
        Assert.Contains(problems, p => p.Message.Contains("kmeans", StringComparison.Ordinal) && p.Line == 3);
    }

    /// <summary>Planted clusters, generated, imported and segmented with a kmeans scheme file (k: auto).</summary>
    [Fact]
    public async Task SegmentWithSchemeFile_PlantedClusters_PicksFourAgreesWithTruthAndExplains()
    {
        using var dir = new TempDir();
        var orders = dir.File("orders.csv");
        var truthFile = dir.File("truth.csv");
        SyntheticCsvWriter.Write(new SyntheticOptions { Customers = 1200, Clusters = 4, Seed = 7 }, new SyntheticOutputFiles(orders, Clusters: truthFile));
        var scheme = dir.File("clusters.yaml");
        File.WriteAllText(scheme, """
            name: spend_clusters
            kind: kmeans
            features: [recency_days, orders, monetary_total, tenure_days]
            k: auto
            k_range: [2, 8]
            transform: auto
            seed: 42
            segments:
              - name: biggest
                label: { zh-CN: 最大群, en: Largest group }
                playbook: { action: { zh-CN: 月度回访, en: Monthly call }, contact_every_days: 30 }
            """);
        var db = dir.File("store.duckdb");
        var run = await SegmentationRunner.RunAsync(new SegmentationRequest
        {
            Database = db,
            Transactions = new ImportOptions { Path = orders },
            Schemes = [scheme],
            OutputDirectory = dir.File("out"),
        });

        var result = run.Result.Schemes.Single(s => s.Plan.Scheme == "spend_clusters");
        Assert.Equal(4, result.Plan.Segments.Count);
        Assert.Equal("biggest", result.Plan.Segments[0].Key);
        Assert.Equal("Largest group", result.Plan.Segments[0].Label.En);
        Assert.Equal(["biggest", "c2", "c3", "c4"], result.Plan.Segments.Select(s => s.Key));
        Assert.Equal(1200, result.Segments.Sum(s => s.Customers));
        Assert.True(result.Segments[0].Customers >= result.Segments[1].Customers);
        Assert.Equal([4m], result.Plan.Parameters["spend_clusters_k"]);

        var truth = File.ReadLines(truthFile).Skip(1).Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        using (var connection = DuckDbStore.Open(db))
        {
            var engine = new DuckDbEngine(connection);
            var ids = new List<string>();
            var segments = new List<string>();
            using (var reader = engine.Query("SELECT customer_id, CAST(spend_clusters AS VARCHAR) FROM customer_segments ORDER BY customer_id"))
            {
                while (reader.Read())
                {
                    ids.Add(reader.GetString(0));
                    segments.Add(reader.GetString(1));
                }
            }
            Assert.Equal(1200, ids.Count);
            var ari = AdjustedRandIndex.Compute([.. ids.Select(id => truth[id])], segments);
            Assert.True(ari >= 0.9, $"ARI {ari:F3}");
        }

        // The reason names the centre, in both languages, with the customer's own values.
        var explanation = run.Result.Explanations.Single(e => e.Scheme == "spend_clusters");
        Assert.Equal(["recency_days", "orders", "monetary_total", "tenure_days"], explanation.RuleColumns());
        object? Row(string column) => column switch { "recency_days" => 12L, "orders" => 3L, "monetary_total" => 450.5m, _ => 300L };
        Assert.StartsWith("closest to centre 1 (recency_days ≈ ", explanation.Reason("biggest", Row, "en"), StringComparison.Ordinal);
        Assert.Contains("this customer: recency_days 12, orders 3, monetary_total 450.5", explanation.Reason("biggest", Row, "en"), StringComparison.Ordinal);
        Assert.StartsWith("最接近第 2 个中心（", explanation.Reason("c2", Row, "zh-CN"), StringComparison.Ordinal);

        var explained = await ExplainService.ExplainAsync(new ExplainRequest { Database = db, Scheme = "spend_clusters", MinLeaf = 10 });
        Assert.Equal(4, explained.Tree.Classes.Count);
        Assert.True(explained.Fidelity > 0.8, $"fidelity {explained.Fidelity}");
    }

    [Fact]
    public async Task SegmentWithSchemeFile_KLargerThanCustomers_FileLineError()
    {
        using var dir = new TempDir();
        var orders = dir.File("orders.csv");
        File.WriteAllText(orders, "customer_id,order_date,amount\na,2024-01-01,10\nb,2024-02-01,20\nc,2024-03-01,30\n");
        var scheme = dir.File("clusters.yaml");
        File.WriteAllText(scheme, "name: spend_clusters\nkind: kmeans\nfeatures: [recency_days, monetary_total]\nk: 5\n");
        var e = await Assert.ThrowsAsync<SegmentaInputException>(() => SegmentationRunner.RunAsync(new SegmentationRequest
        {
            Database = ":memory:",
            Transactions = new ImportOptions { Path = orders },
            Schemes = [scheme],
        }));
        Assert.Contains("clusters.yaml:4:", e.Message, StringComparison.Ordinal);
        Assert.Contains("5 clusters but only 3 customers", e.Message, StringComparison.Ordinal);

        // A scheme's own output (rfm_score) is no feature column: refused at its line, before any SQL runs.
        File.WriteAllText(scheme, "name: spend_clusters\nkind: kmeans\nfeatures: [recency_days, rfm_score]\nk: 2\n");
        var derived = await Assert.ThrowsAsync<SegmentaInputException>(() => SegmentationRunner.RunAsync(new SegmentationRequest
        {
            Database = ":memory:",
            Transactions = new ImportOptions { Path = orders },
            Schemes = [scheme],
        }));
        Assert.Contains("clusters.yaml:3:", derived.Message, StringComparison.Ordinal);
        Assert.Contains("\"rfm_score\" is computed by a scheme", derived.Message, StringComparison.Ordinal);
    }
}
