using System.Text;
using System.Text.Json.Nodes;

namespace Segmenta.Cli.Tests;

public class DemoCommandTests
{
    private static readonly string[] RequiredColumns =
    [
        "customer_id", "recency_days", "frequency", "tenure_days", "monetary_total",
        "rfm_r", "rfm_f", "rfm_m", "rfm_segment", "rfm_cn8", "abc_class", "value_tier",
    ];

    [Fact]
    public async Task Demo_TempDir_WritesAllOutputsWithContractColumns()
    {
        using var dir = new TempDir();
        var outDir = dir.File("demo");
        var (exit, stdout, stderr) = await CliRunner.RunAsync("demo", "--out", outDir, "--lang", "en");
        Assert.True(exit == 0, stderr);
        Assert.Contains("23,570 customers", stdout, StringComparison.Ordinal);
        Assert.Contains("Champions", stdout, StringComparison.Ordinal);

        var csv = Path.Combine(outDir, "customers.csv");
        var bytes = File.ReadAllBytes(csv);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);  // BOM so Excel reads UTF-8
        var lines = File.ReadAllLines(csv, Encoding.UTF8);
        var header = lines[0].Split(',');
        Assert.Equal("customer_id", header[0]);
        foreach (var c in RequiredColumns) Assert.Contains(c, header);
        Assert.Equal(23_570 + 1, lines.Length);
        Assert.True(File.Exists(Path.Combine(outDir, "customers.xlsx")));

        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")))!;
        Assert.Equal(69_659, (long)summary["rows_read"]!);
        Assert.Equal(23_570, (long)summary["customers"]!);
    }

    [Fact]
    public async Task Demo_Chinese_PrintsChineseLabels()
    {
        using var dir = new TempDir();
        var (exit, stdout, stderr) = await CliRunner.RunAsync("demo", "--out", dir.File("demo"), "--lang", "zh-CN", "--format", "csv");
        Assert.True(exit == 0, stderr);
        Assert.Contains("客户数 23,570", stdout, StringComparison.Ordinal);
        Assert.Contains("重要价值客户", stdout, StringComparison.Ordinal);
        var lines = File.ReadAllLines(dir.File("demo/customers.csv"));
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        var label = Array.IndexOf(header, "rfm_segment_label");
        var cn8 = Array.IndexOf(header, "rfm_cn8_label");
        Assert.True(label > 0 && cn8 > 0);
        Assert.Contains(lines.Skip(1), l => l.Split(',')[label] == "冠军客户");
        Assert.Contains(lines.Skip(1), l => l.Split(',')[cn8] == "重要价值客户");
    }
}
