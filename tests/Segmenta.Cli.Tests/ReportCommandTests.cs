using Segmenta.Tests.Shared;

namespace Segmenta.Cli.Tests;

public class ReportCommandTests
{
    [Fact]
    public async Task Report_AfterSegment_WritesHtmlWorkbookAndCharts()
    {
        using var dir = new TempDir();
        var csv = CdnowSample.WriteCsv(dir.Path);
        var db = dir.File("store.duckdb");
        var (exit, _, err) = await CliRunner.RunAsync("segment", "--input", csv, "--db", db, "--out", dir.File("out"), "--format", "csv", "--lang", "en");
        Assert.True(exit == 0, err);

        (exit, var stdout, err) = await CliRunner.RunAsync("report", "--db", db, "--lang", "en", "--out", dir.File("r/report.html"));
        Assert.True(exit == 0, err);
        Assert.Contains("report.html", stdout, StringComparison.Ordinal);
        var html = File.ReadAllText(dir.File("r/report.html"));
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("2,357 customers", html, StringComparison.Ordinal);

        (exit, _, err) = await CliRunner.RunAsync("report", "--db", db, "--lang", "zh-CN", "--out", dir.File("r/report.xlsx"));
        Assert.True(exit == 0, err);
        Assert.True(new FileInfo(dir.File("r/report.xlsx")).Length > 10_000);

        (exit, stdout, err) = await CliRunner.RunAsync("report", "--db", db, "--lang", "zh-CN", "--out", dir.File("r/charts"), "--json");
        Assert.True(exit == 0, err);
        Assert.Contains("segments.png", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(dir.File("r/charts/pareto.svg")));

        // --snapshot: the segment run stored snapshot 1; an unknown id is bad input that lists the ids.
        (exit, _, err) = await CliRunner.RunAsync("report", "--db", db, "--lang", "en", "--snapshot", "1", "--out", dir.File("r/snapshot-1.html"));
        Assert.True(exit == 0, err);
        Assert.Contains("2,357 customers", File.ReadAllText(dir.File("r/snapshot-1.html")), StringComparison.Ordinal);
        (exit, _, err) = await CliRunner.RunAsync("report", "--db", db, "--snapshot", "42", "--out", dir.File("r/snapshot-42.html"));
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--snapshot 42", err, StringComparison.Ordinal);
        Assert.Contains("available: 1 (", err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("r/snapshot-42.html")));
    }

    [Fact]
    public async Task Report_MissingStore_ExitsWithBadInput()
    {
        using var dir = new TempDir();
        var (exit, _, err) = await CliRunner.RunAsync("report", "--db", dir.File("nothing.duckdb"), "--out", dir.File("report.html"));
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("no such store", err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("report.html")));
    }

    [Fact]
    public async Task Demo_Default_AlsoWritesTheHtmlReport()
    {
        using var dir = new TempDir();
        var (exit, stdout, err) = await CliRunner.RunAsync("demo", "--out", dir.File("demo"), "--format", "csv", "--lang", "zh-CN");
        Assert.True(exit == 0, err);
        Assert.Contains("report.html", stdout, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", File.ReadAllText(dir.File("demo/report.html")), StringComparison.Ordinal);
    }
}
