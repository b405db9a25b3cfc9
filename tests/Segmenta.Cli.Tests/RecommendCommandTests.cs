using System.Text.Json.Nodes;
using Segmenta.Core.Synthetic;
using Segmenta.Data.Synthetic;
using Segmenta.Tests.Shared;

namespace Segmenta.Cli.Tests;

/// <summary><c>segmenta recommend</c> on generated data whose product choice depends on the customer's industry.</summary>
public class RecommendCommandTests
{
    private static (string Transactions, string Customers, string Products) Generate(TempDir dir)
    {
        var options = new SyntheticOptions { Customers = 8_000, Seed = 7, ProductAffinity = 0.7, Products = 500 };
        SyntheticCsvWriter.Write(options, new SyntheticOutputFiles(dir.File("orders.csv"), dir.File("customers.csv")));
        SyntheticProductsFile.Write(options, dir.File("products.csv"));
        return (dir.File("orders.csv"), dir.File("customers.csv"), dir.File("products.csv"));
    }

    [Fact]
    public async Task Recommend_PlantedIndustryTaste_BeatsPopularity()
    {
        using var dir = new TempDir();
        var (orders, customers, products) = Generate(dir);
        var (exit, stdout, stderr) = await CliRunner.RunAsync("recommend", "--input", orders, "--customers", customers, "--products", products,
            "--scheme", "industry", "--top", "5", "--out", dir.File("recs.csv"), "--evaluate", "--split-date", "2024-06-30",
            "--preferences-out", dir.File("prefs.csv"), "--also-bought-out", dir.File("also.csv"), "--affinity-out", dir.File("aff.csv"), "--lang", "zh-CN", "--json");
        Assert.True(exit == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        var e = json["evaluation"]!;
        var segmentRate = (double)e["segment_hit_rate"]!;
        var popularityRate = (double)e["popularity_hit_rate"]!;
        Assert.True((int)e["customers"]! > 500);
        Assert.Equal((double)(int)e["segment_hits"]! / (int)e["customers"]!, segmentRate, 6);
        Assert.True(segmentRate > popularityRate, $"segment {segmentRate} vs popularity {popularityRate}");
        Assert.Equal("products_file", (string)json["category_source"]!);

        var recs = File.ReadAllLines(dir.File("recs.csv"));
        Assert.Equal("customer_id,segment,segment_label,rank,product_id,category,score,lift,source,reason", recs[0].TrimStart('\uFEFF'));
        Assert.Equal(8_000 * 5 + 1, recs.Length);
        Assert.Contains("尚未购买", recs[1], StringComparison.Ordinal);
        var prefs = File.ReadAllLines(dir.File("prefs.csv"));
        Assert.Contains(prefs.Skip(1), l => l.Contains(",混合,", StringComparison.Ordinal));
        Assert.True(File.ReadAllLines(dir.File("also.csv")).Length > 1);
    }

    [Fact]
    public async Task Recommend_NoProductColumn_ExitTwoWithFix()
    {
        using var dir = new TempDir();
        var csv = CdnowSample.WriteCsv(dir.Path);
        var (exit, _, stderr) = await CliRunner.RunAsync("recommend", "--input", csv, "--scheme", "rfm", "--out", dir.File("r.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("no product_id column", stderr, StringComparison.Ordinal);
        Assert.Contains("--map product=", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("r.csv")));
    }

    [Fact]
    public async Task Recommend_FormulaLikeIds_Neutralised()
    {
        using var dir = new TempDir();
        var csv = dir.File("orders.csv");
        File.WriteAllLines(csv,
        [
            "customer_id,order_date,amount,product_id",
            "=cmd|' /C calc'!A0,2024-01-02,10,=HYPERLINK(\"http://x\")",
            "c2,2024-01-03,10,P1", "c2,2024-01-04,10,=HYPERLINK(\"http://x\")", "c3,2024-01-05,10,P1", "c3,2024-01-06,10,P2",
            "c4,2024-01-07,10,P2", "c4,2024-01-08,10,P1", "c5,2024-01-09,10,P3",
        ]);
        var (exit, _, stderr) = await CliRunner.RunAsync("recommend", "--input", csv, "--scheme", "abc", "--out", dir.File("r.csv"), "--min-support", "1");
        Assert.True(exit == 0, stderr);

        var text = File.ReadAllText(dir.File("r.csv"));
        Assert.DoesNotContain("\n=", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", text, StringComparison.Ordinal);
        Assert.Contains("'=cmd", text, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
    }
}
