using System.Text.Json.Nodes;

namespace Segmenta.Cli.Tests;

/// <summary><c>segmenta generate --clusters</c>, <c>cluster</c> and <c>explain</c> through the command line.</summary>
public class ClusterCommandTests
{
    [Fact]
    public async Task GenerateClusterExplain_JsonContracts()
    {
        using var dir = new TempDir();
        var orders = Path.Combine(dir.Path, "orders.csv");
        var db = Path.Combine(dir.Path, "store.duckdb");
        var (exit, stdout, stderr) = await CliRunner.RunAsync("generate", "--customers", "800", "--clusters", "4", "--out", orders, "--json");
        Assert.True(exit == 0, stderr);
        var generated = JsonNode.Parse(stdout)!;
        Assert.Equal(4, (int)generated["clusters"]!);
        Assert.True(File.Exists((string)generated["clusters_out"]!));

        (exit, stdout, stderr) = await CliRunner.RunAsync("cluster", "--input", orders, "--db", db, "--k-range", "2..6", "--out", Path.Combine(dir.Path, "out"), "--json");
        Assert.True(exit == 0, stderr);
        var cluster = JsonNode.Parse(stdout)!;
        Assert.Equal(4, (int)cluster["k"]!);
        Assert.Equal(800, (int)cluster["customers"]!);
        Assert.Equal(5, cluster["k_scores"]!.AsArray().Count);
        var clusters = cluster["clusters"]!.AsArray();
        Assert.Equal(4, clusters.Count);
        Assert.Equal(800, clusters.Sum(c => (int)c!["customers"]!));
        Assert.All(clusters, c => Assert.False(string.IsNullOrEmpty((string)c!["name_zh"]!)));
        Assert.Contains(cluster["transforms"]!.AsArray(), t => (bool)t!["log1p"]!);

        (exit, stdout, stderr) = await CliRunner.RunAsync("explain", "--scheme", "cluster", "--db", db, "--depth", "3", "--min-leaf", "10", "--json");
        Assert.True(exit == 0, stderr);
        var explained = JsonNode.Parse(stdout)!;
        Assert.Equal("cluster", (string)explained["segment_column"]!);
        Assert.InRange((double)explained["fidelity"]!, 0.85, 1.0);
        var rule = explained["rules"]!.AsArray()[0]!;
        Assert.Contains("位，纯度", (string)rule["text_zh"]!, StringComparison.Ordinal);
        Assert.Contains("customers,", (string)rule["text_en"]!, StringComparison.Ordinal);

        (exit, stdout, _) = await CliRunner.RunAsync("explain", "--scheme", "rfm", "--db", db, "--lang", "zh-CN");
        Assert.Equal(0, exit);
        Assert.Contains("保真度", stdout, StringComparison.Ordinal);
        Assert.Contains("→", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cluster_BadFeatureOrOptions_ExitCodes()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "none.duckdb");
        var (exit, _, stderr) = await CliRunner.RunAsync("cluster", "--db", db);
        Assert.Equal(2, exit);
        Assert.Contains("segmenta segment", stderr, StringComparison.Ordinal);

        (exit, _, stderr) = await CliRunner.RunAsync("cluster", "--db", db, "--k", "3", "--k-range", "2..5");
        Assert.Equal(1, exit);
        Assert.Contains("--k", stderr, StringComparison.Ordinal);

        (exit, _, stderr) = await CliRunner.RunAsync("generate", "--rows", "1000", "--clusters", "4", "--out", Path.Combine(dir.Path, "o.csv"));
        Assert.Equal(2, exit);
        Assert.Contains("--customers", stderr, StringComparison.Ordinal);
    }
}
