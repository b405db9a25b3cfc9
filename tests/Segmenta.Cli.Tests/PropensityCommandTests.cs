using System.Globalization;
using System.Text.Json.Nodes;
using Segmenta.Tests.Shared;

namespace Segmenta.Cli.Tests;

/// <summary>
/// <c>segmenta propensity</c> on the CDNOW 1/10 sample: calibration 39 weeks ending 1997-09-30, holdout 39 weeks
/// ending 1998-06-30. Every model's AUC is computed on the same held-out customers and compared with the BG/NBD
/// baselines; the default must be the best of them (nothing is hard-coded).
/// </summary>
public class PropensityCommandTests
{
    [Fact]
    public async Task Propensity_CdnowSample_ComparesModelsAndChoosesTheBest()
    {
        using var dir = new TempDir();
        var csv = CdnowSample.WriteCsv(dir.Path);
        var (exit, stdout, stderr) = await CliRunner.RunAsync("propensity", "--input", csv, "--calibration-end", "1997-09-30",
            "--holdout-end", "1998-06-30", "--out", dir.File("out"), "--json");
        Assert.True(exit == 0, stderr);
        var json = JsonNode.Parse(stdout)!.AsObject();

        Assert.Equal(2357, (int)json["customers"]!);
        Assert.Equal(273, (int)json["window_days"]!);
        // 1,673 of 2,357 sample customers made no purchase in the holdout (counted from the data: 71.0 %).
        Assert.InRange((double)json["churn_rate"]!, 0.70, 0.72);
        var churn = json["churn"]!.AsArray().ToDictionary(c => (string)c!["model"]!, c => (double)c!["auc"]!);
        Assert.Equal(["logistic", "fasttree", "bgnbd", "bgnbd_p_alive"], churn.Keys);
        var best = churn.MaxBy(p => p.Value).Key;
        Assert.Equal(best, (string)json["default_churn_model"]!);
        // Measured: logistic 0.801, fasttree 0.783, BG/NBD P(no purchase) 0.769, 1 − P(alive) 0.308 (it scores every
        // one-time buyer 0, and most of them churn).
        Assert.InRange(churn["logistic"], 0.77, 0.83);
        Assert.InRange(churn["fasttree"], 0.74, 0.82);
        Assert.InRange(churn["bgnbd"], 0.74, 0.80);
        Assert.True(churn["bgnbd_p_alive"] < 0.5);
        Assert.True(churn[best] > churn["bgnbd_p_alive"]);
        var spend = json["spend"]!.AsArray();
        Assert.Equal(spend.MinBy(s => (double)s!["rmse"]!)!["model"]!.GetValue<string>(), (string)json["default_spend_model"]!);
        var logistic = json["churn"]!.AsArray().First(c => (string)c!["model"]! == "logistic")!;
        Assert.Equal(10, logistic["calibration"]!.AsArray().Count);
        Assert.Equal(707, logistic["calibration"]!.AsArray().Sum(b => (int)b!["customers"]!));
        Assert.Equal(7, logistic["importance"]!.AsArray().Count);

        var lines = File.ReadAllLines(dir.File("out/propensity_scores.csv"));
        Assert.Equal("customer_id,split,churn_risk,spend_next,p_alive,churned,spend_holdout", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(2358, lines.Length);
        Assert.Equal(707, lines.Count(l => l.Contains(",test,", StringComparison.Ordinal)));
        Assert.True(File.Exists(dir.File("out/propensity_metrics.json")));
    }

    [Fact]
    public async Task Segment_WithPropensity_AddsScoresAndBands()
    {
        using var dir = new TempDir();
        var csv = CdnowSample.WriteCsv(dir.Path);
        var (exit, _, stderr) = await CliRunner.RunAsync("segment", "--input", csv, "--db", ":memory:", "--propensity",
            "--out", dir.File("out"), "--format", "csv", "--lang", "zh-CN", "--json");
        Assert.True(exit == 0, stderr);

        var lines = File.ReadAllLines(dir.File("out/customers.csv"));
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        int risk = Array.IndexOf(header, "churn_risk"), band = Array.IndexOf(header, "churn_risk_band"), label = Array.IndexOf(header, "churn_risk_band_label"), spend = Array.IndexOf(header, "spend_next");
        Assert.True(risk >= 0 && band >= 0 && label >= 0 && spend >= 0);
        var counts = new Dictionary<string, int>();
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            var p = double.Parse(f[risk], CultureInfo.InvariantCulture);
            Assert.InRange(p, 0, 1);
            Assert.True(double.Parse(f[spend], CultureInfo.InvariantCulture) >= 0);
            var expected = p >= 0.7 ? "high" : p >= 0.4 ? "medium" : "low";
            Assert.Equal(expected, f[band]);
            Assert.Equal(expected switch { "high" => "高流失风险", "medium" => "中流失风险", _ => "低流失风险" }, f[label]);
            counts[expected] = counts.GetValueOrDefault(expected) + 1;
        }
        Assert.Equal(2357, counts.Values.Sum());
        Assert.Equal(3, counts.Count);
        var summary = JsonNode.Parse(File.ReadAllText(dir.File("out/summary.json")))!;
        Assert.Equal(counts["high"], (int)summary["schemes"]!["churn_risk_band"]!["high"]!);
        Assert.Equal(182, (int)summary["propensity"]!["window_days"]!);
    }
}
