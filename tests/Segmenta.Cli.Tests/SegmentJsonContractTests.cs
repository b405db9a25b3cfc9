using System.Text.Json.Nodes;

namespace Segmenta.Cli.Tests;

public class SegmentJsonContractTests
{
    [Fact]
    public async Task Segment_Json_PrintsContractKeysAndCountsAddUp()
    {
        using var dir = new TempDir();
        var input = Path.Combine(AppContext.BaseDirectory, "data", "rfm_data_orders.csv");
        var (exit, stdout, stderr) = await CliRunner.RunAsync(
            "segment", "--input", input, "--as-of", "2006-12-31", "--out", dir.File("out"), "--db", dir.File("s.duckdb"), "--json", "--format", "csv");
        Assert.True(exit == 0, stderr);
        var json = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(4906, (long)json["rows_read"]!);
        Assert.Equal(4906, (long)json["rows_accepted"]! + (long)json["rows_rejected"]!);
        Assert.Equal("2006-12-31", (string)json["as_of"]!);
        var customers = (long)json["customers"]!;
        Assert.Equal(995, customers);
        foreach (var scheme in new[] { "rfm", "rfm_cn8", "abc", "value_tier" })
        {
            var counts = json["schemes"]![scheme]!.AsObject();
            Assert.Equal(customers, counts.Sum(p => (long)p.Value!));
        }
    }

    [Fact]
    public async Task Segment_Clv_AddsModelColumnsAndFits()
    {
        using var dir = new TempDir();
        var input = Segmenta.Tests.Shared.CdnowSample.WriteCsv(dir.Path);
        var (exit, stdout, stderr) = await CliRunner.RunAsync(
            "segment", "--input", input, "--as-of", "1997-09-30", "--clv", "--clv-months", "6", "--out", dir.File("out"), "--db", ":memory:", "--json", "--format", "csv");
        Assert.True(exit == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        Assert.True((bool)json["models"]!["bgnbd"]!["converged"]!);
        Assert.Equal(["p_alive", "exp_purchases_6m", "exp_spend", "clv_6m"], json["models"]!["columns"]!.AsArray().Select(n => (string)n!));
        var lines = File.ReadAllLines(dir.File("out/customers.csv"));
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        var alive = Array.IndexOf(header, "p_alive");
        var clv = Array.IndexOf(header, "clv_6m");
        Assert.True(alive > 0 && clv > 0);
        foreach (var row in lines.Skip(1).Select(l => l.Split(',')))
        {
            Assert.InRange(double.Parse(row[alive], System.Globalization.CultureInfo.InvariantCulture), 0.0, 1.0);
            Assert.True(double.Parse(row[clv], System.Globalization.CultureInfo.InvariantCulture) >= 0);
        }
    }

    [Fact]
    public async Task Segment_ClvOnDataWithFlatLikelihood_RefusesWithClearMessage()
    {
        // The R rfm example orders do not identify the BG/NBD: the fit must say so, not hand out a poor estimate.
        using var dir = new TempDir();
        var input = Path.Combine(AppContext.BaseDirectory, "data", "rfm_data_orders.csv");
        var (exit, _, stderr) = await CliRunner.RunAsync("segment", "--input", input, "--clv", "--out", dir.File("out"), "--db", ":memory:", "--format", "csv");
        Assert.Equal(2, exit);
        Assert.Contains("did not converge", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out/customers.csv")));
    }

    [Fact]
    public async Task Segment_MissingFile_ExitCode2WithOneLine()
    {
        using var dir = new TempDir();
        var (exit, _, stderr) = await CliRunner.RunAsync("segment", "--input", dir.File("nope.csv"), "--out", dir.File("out"), "--db", ":memory:");
        Assert.Equal(2, exit);
        Assert.Contains("nope.csv", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Segment_UnknownOption_ExitCode1()
    {
        var (exit, _, _) = await CliRunner.RunAsync("segment", "--no-such-option");
        Assert.Equal(1, exit);
    }

    [Fact]
    public async Task Segment_BadAsOf_ExitCode1()
    {
        using var dir = new TempDir();
        var input = Path.Combine(AppContext.BaseDirectory, "data", "rfm_data_orders.csv");
        var (exit, _, stderr) = await CliRunner.RunAsync("segment", "--input", input, "--as-of", "31/12/2006", "--db", ":memory:", "--out", dir.File("o"));
        Assert.Equal(1, exit);
        Assert.Contains("yyyy-MM-dd", stderr, StringComparison.Ordinal);
    }
}
