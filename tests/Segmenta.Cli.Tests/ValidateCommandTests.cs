using System.Text.Json.Nodes;
using Segmenta.Tests.Shared;

namespace Segmenta.Cli.Tests;

/// <summary>
/// <c>segmenta validate</c> on the CDNOW 1/10 sample: BG/NBD fitted on 39 weeks ending 1997-09-30, holdout 39 weeks
/// ending 1998-06-30 (Fader, Hardie &amp; Lee 2005, Figs. 1, 2 and 5). Counts are distinct purchase days.
/// </summary>
public class ValidateCommandTests
{
    private static async Task<(JsonObject Json, TempDir Dir)> ValidateAsync(string model = "bgnbd")
    {
        var dir = new TempDir();
        var csv = CdnowSample.WriteCsv(dir.Path);
        var (exit, stdout, stderr) = await CliRunner.RunAsync("validate", "--input", csv, "--model", model, "--time-unit", "week",
            "--calibration-end", "1997-09-30", "--holdout-end", "1998-06-30", "--out", dir.File("out"), "--json");
        Assert.True(exit == 0, stderr);
        return (JsonNode.Parse(stdout)!.AsObject(), dir);
    }

    [Fact]
    public async Task Validate_CdnowBgNbd_HoldoutTotalsAndErrors()
    {
        var (json, dir) = await ValidateAsync();
        using var _ = dir;
        var h = json["holdout"]!;
        Assert.Equal(2357, (double)h["customers"]!);
        Assert.Equal(1882, (double)h["actual_total"]!);
        // Measured: 1,653.4 predicted (−12 %), MAE 0.786, RMSE 1.608 purchase days per customer.
        Assert.InRange((double)h["predicted_total"]!, 1640, 1665);
        Assert.InRange((double)h["mae"]!, 0.78, 0.79);
        Assert.InRange((double)h["rmse"]!, 1.60, 1.62);
        var bins = h["by_frequency"]!.AsArray();
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7+"], bins.Select(b => (string)b!["frequency"]!));
        Assert.Equal(2357, bins.Sum(b => (double)b!["customers"]!));
        Assert.Equal(1411, (double)bins[0]!["customers"]!);
        Assert.Equal(1882, bins.Sum(b => (double)b!["customers"]! * (double)b["mean_actual"]!), 2);
        Assert.Equal((double)h["predicted_total"]!, bins.Sum(b => (double)b!["customers"]! * (double)b["mean_predicted"]!), 2);
        var csv = File.ReadAllLines(dir.File("out/holdout_by_frequency.csv"));
        Assert.Equal("frequency,customers,mean_predicted,mean_actual", csv[0].TrimStart('\uFEFF'));
        Assert.Equal(9, csv.Length);
    }

    [Fact]
    public async Task Validate_CdnowBgNbd_TrackingAndHistogram()
    {
        var (json, dir) = await ValidateAsync();
        using var _ = dir;
        var tracking = json["tracking"]!.AsArray();
        Assert.Equal(78, tracking.Count);
        var week39 = tracking[38]!;
        Assert.Equal(2457, (double)week39["actual_cumulative"]!);
        // Measured: model 2,494.0 at the calibration end (+1.5 %), 4,160.6 vs 4,339 at week 78 (−4.1 %).
        Assert.True(Math.Abs((double)week39["model_cumulative"]! / 2457 - 1) < 0.03, $"{week39["model_cumulative"]}");
        Assert.Equal(4339, (double)tracking[^1]!["actual_cumulative"]!);
        Assert.True(Math.Abs((double)tracking[^1]!["model_cumulative"]! / 4339 - 1) < 0.06);
        var actual = tracking.Select(p => (double)p!["actual_cumulative"]!).ToList();
        var model = tracking.Select(p => (double)p!["model_cumulative"]!).ToList();
        Assert.True(actual.Zip(actual.Skip(1)).All(p => p.First <= p.Second));
        Assert.True(model.Zip(model.Skip(1)).All(p => p.First <= p.Second));
        var lines = File.ReadAllLines(dir.File("out/tracking_weekly.csv"));
        Assert.Equal("week,date,actual_cumulative,model_cumulative", lines[0].TrimStart('\uFEFF'));
        Assert.StartsWith("39,1997-09-30,2457,", lines[39], StringComparison.Ordinal);
        Assert.StartsWith("78,1998-06-30,4339,", lines[78], StringComparison.Ordinal);

        var histogram = json["calibration_histogram"]!.AsArray();
        Assert.Equal(2357, histogram.Sum(b => (double)b!["actual"]!));
        Assert.Equal(2357, histogram.Sum(b => (double)b!["model"]!), 1);
        Assert.Equal(1411, (double)histogram[0]!["actual"]!);
        Assert.InRange((double)histogram[0]!["model"]!, 1380, 1440);
    }

    [Fact]
    public async Task Validate_ParetoNbd_NoHistogram()
    {
        var (json, dir) = await ValidateAsync("paretonbd");
        using var _ = dir;
        Assert.Equal(1882, (double)json["holdout"]!["actual_total"]!);
        Assert.Null(json["calibration_histogram"]);
        Assert.False(File.Exists(dir.File("out/calibration_histogram.csv")));
    }

    [Fact]
    public async Task Validate_HoldoutBeforeCalibrationEnd_ExitCode1()
    {
        using var dir = new TempDir();
        var csv = CdnowSample.WriteCsv(dir.Path);
        var (exit, _, stderr) = await CliRunner.RunAsync("validate", "--input", csv, "--calibration-end", "1997-09-30", "--holdout-end", "1997-09-30");
        Assert.Equal(1, exit);
        Assert.Contains("--holdout-end", stderr, StringComparison.Ordinal);
    }
}
