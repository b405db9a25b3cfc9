using System.Text.Json;

namespace Segmenta.Cli.Tests;

public sealed class StabilityCommandTests
{
    [Fact]
    public async Task Segment_HysteresisAndMinDwellFlags_RecordReference_BadYamlFreezeFromExits2WithFileLineCol()
    {
        using var dir = new TempDir();
        var input = Segmenta.Tests.Shared.CdnowSample.WriteCsv(dir.Path);
        var db = dir.File("s.duckdb");
        var first = await CliRunner.RunAsync("segment", "--input", input, "--db", db, "--format", "csv", "--out", dir.File("o1"), "--json", "--hysteresis", "0.05");
        Assert.True(first.Exit == 0, first.Err);
        using (var doc = JsonDocument.Parse(first.Out))
        {
            // No earlier snapshot: assigned normally, and the run says so.
            Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("snapshot").GetProperty("stable_from").ValueKind);
            Assert.Contains(doc.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("stability: no earlier snapshot", StringComparison.Ordinal));
        }
        var second = await CliRunner.RunAsync("segment", "--input", input, "--db", db, "--format", "csv", "--out", dir.File("o2"), "--json", "--hysteresis", "0.05", "--min-dwell", "2");
        Assert.True(second.Exit == 0, second.Err);
        using (var doc = JsonDocument.Parse(second.Out))
            Assert.Equal(1, doc.RootElement.GetProperty("snapshot").GetProperty("stable_from").GetInt64());
        var show = await CliRunner.RunAsync("snapshots", "show", "2", "--db", db);
        Assert.Contains("stability against snapshot 1", show.Out, StringComparison.Ordinal);
        Assert.Equal(1, (await CliRunner.RunAsync("segment", "--input", input, "--db", db, "--hysteresis", "1.5")).Exit);

        var scheme = dir.File("tiers.yaml");
        File.WriteAllText(scheme, "name: tiers\nkind: bins\nbins: { measure: monetary_total, method: quantile, breaks: [0.5] }\nsegments: [ { name: low }, { name: high } ]\nstability:\n  freeze_from: 42\n");
        var bad = await CliRunner.RunAsync("segment", "--input", input, "--db", db, "--scheme", scheme);
        Assert.Equal(2, bad.Exit);
        Assert.Contains("tiers.yaml:6:16", bad.Err, StringComparison.Ordinal);
        Assert.Contains("stored snapshots: 1, 2", bad.Err, StringComparison.Ordinal);
    }
}
