using System.Globalization;
using System.Text.Json.Nodes;
using Segmenta.Tests.Shared;

namespace Segmenta.Cli.Tests;

/// <summary>
/// <c>segmenta fit</c> / <c>predict</c> against published results: Fader, Hardie &amp; Lee (2005) on the CDNOW sample
/// (39-week calibration ending 1997-09-30, weeks), Fader, Hardie &amp; Shang (2010) donations, Fader &amp; Hardie (2007) retention.
/// </summary>
public class ModelCommandTests
{
    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);

    private static async Task<JsonObject> FitJsonAsync(params string[] args)
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync(["fit", .. args, "--json"]);
        Assert.True(exit == 0, stderr);
        return JsonNode.Parse(stdout)!.AsObject();
    }

    private static void Near(double expected, JsonNode? actual, double relative = 0.005) =>
        Assert.True(Math.Abs((double)actual! / expected - 1) < relative, $"expected {expected}, got {actual}");

    [Fact]
    public async Task Fit_BgNbdSummary_PrintsContractAndPublishedEstimates()
    {
        var json = await FitJsonAsync("--model", "bgnbd", "--summary", Data("cdnow_customers_summary.csv"));
        Assert.Equal("bgnbd", (string)json["model"]!);
        foreach (var key in new[] { "params", "stderr", "loglik", "n_customers" }) Assert.True(json.ContainsKey(key), key);
        Near(0.243, json["params"]!["r"]);
        Near(4.414, json["params"]!["alpha"]);
        Near(0.793, json["params"]!["a"]);
        Near(2.426, json["params"]!["b"]);
        Near(-9582.4, json["loglik"], 0.0001);
        Assert.Equal(2357, (double)json["n_customers"]!);
        Assert.True((double)json["stderr"]!["r"]! > 0);
        Assert.Empty(json["warnings"]!.AsArray());   // CDNOW is ready: 1,411 repeat buyers
    }

    [Fact]
    public async Task Predict_Intervals_BracketTheExpectedPurchases()
    {
        using var dir = new TempDir();
        var csv = CdnowSample.WriteCsv(dir.Path);
        var (exit, _, stderr) = await CliRunner.RunAsync("predict", "--input", csv, "--model", "paretonbd", "--time-unit", "week",
            "--calibration-end", "1997-09-30", "--horizon", "39", "--intervals", "--out", dir.File("out"));
        Assert.True(exit == 0, stderr);
        var lines = File.ReadAllLines(dir.File("out/predictions.csv"));
        Assert.Equal("customer_id,frequency,recency,T,p_alive,exp_purchases,next_purchase_date,p_no_purchase,exp_purchases_lo,exp_purchases_hi", lines[0].TrimStart('\uFEFF'));
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(v => double.TryParse(v, CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray()).ToList();
        Assert.All(rows, r => Assert.True(r[8] <= r[5] + 1e-8 && r[5] <= r[9] + 1e-8 && r[8] >= 0, $"{r[8]} {r[5]} {r[9]}"));
        Assert.Contains(rows, r => r[9] - r[8] > 0.01);   // parameter uncertainty is visible for some customers
    }

    [Fact]
    public async Task Predict_HorizonBeyondHistory_WarnsBeforeFitting()
    {
        using var dir = new TempDir();
        var csv = CdnowSample.WriteCsv(dir.Path);
        string[] args = ["predict", "--input", csv, "--model", "bgnbd", "--time-unit", "week", "--calibration-end", "1997-09-30",
            "--horizon", "104", "--out", dir.File("out")];
        var (exit, stdout, stderr) = await CliRunner.RunAsync([.. args, "--json"]);
        Assert.True(exit == 0, stderr);
        Assert.Equal(["horizon_beyond_history"], JsonNode.Parse(stdout)!["warnings"]!.AsArray().Select(w => (string)w!["code"]!));
        (exit, _, stderr) = await CliRunner.RunAsync(args);
        Assert.Equal(0, exit);
        Assert.Contains("警告 warning [horizon_beyond_history]", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fit_TransactionsWithCalibrationEnd_MatchesPublishedBgNbdAndGammaGamma()
    {
        using var dir = new TempDir();
        var csv = CdnowSample.WriteCsv(dir.Path);
        var bg = await FitJsonAsync("--model", "bgnbd", "--input", csv, "--calibration-end", "1997-09-30", "--time-unit", "week");
        Near(0.243, bg["params"]!["r"]);
        Near(4.414, bg["params"]!["alpha"]);
        Near(0.793, bg["params"]!["a"]);
        Near(2.426, bg["params"]!["b"]);
        // Gamma-Gamma on the 946 repeat buyers' mean repeat-day spend (Fader, Hardie & Lee 2005, JMR).
        var gg = await FitJsonAsync("--model", "gammagamma", "--input", csv, "--calibration-end", "1997-09-30");
        Near(6.25, gg["params"]!["p"]);
        Near(3.74, gg["params"]!["q"]);
        Near(15.44, gg["params"]!["v"]);
        Assert.Equal(946, (double)gg["n_customers"]!);
    }

    [Fact]
    public async Task Fit_BgBbDonationsAndSbgRetention_MatchPublished()
    {
        var bgbb = await FitJsonAsync("--model", "bgbb", "--summary", Data("donations.csv"));
        Near(1.204, bgbb["params"]!["alpha"]);
        Near(0.750, bgbb["params"]!["beta"]);
        Near(0.657, bgbb["params"]!["gamma"]);
        Near(2.783, bgbb["params"]!["delta"]);
        var sbg = await FitJsonAsync("--model", "sbg", "--survival", Data("fader-hardie-2007.csv"), "--column", "high_end_pct_alive", "--fit-periods", "7");
        Near(0.668, sbg["params"]!["alpha"]);
        Near(3.806, sbg["params"]!["beta"]);
    }

    [Fact]
    public async Task Fit_NoSource_ExitCode1()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("fit", "--model", "bgnbd");
        Assert.Equal(1, exit);
        Assert.Contains("--summary", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_CdnowHoldout_ExpectedPurchasesCloseToActual()
    {
        using var dir = new TempDir();
        var csv = CdnowSample.WriteCsv(dir.Path);
        var (exit, stdout, stderr) = await CliRunner.RunAsync("predict", "--input", csv, "--model", "bgnbd", "--spend-model", "gammagamma",
            "--time-unit", "week", "--calibration-end", "1997-09-30", "--horizon", "39", "--discount-monthly", "0.01", "--out", dir.File("out"), "--json");
        Assert.True(exit == 0, stderr);
        Assert.Equal(2357, (long)JsonNode.Parse(stdout)!["customers"]!);
        var lines = File.ReadAllLines(dir.File("out/predictions.csv"));
        Assert.Equal("customer_id,frequency,recency,T,p_alive,exp_purchases,next_purchase_date,exp_spend,clv,p_no_purchase", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(2358, lines.Length);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r => Assert.InRange(double.Parse(r[4], CultureInfo.InvariantCulture), 0.0, 1.0));
        Assert.All(rows, r => Assert.True(double.Parse(r[8], CultureInfo.InvariantCulture) >= 0));
        // p_no_purchase: at least the dead share 1 − P(alive), and below 1 whenever a purchase is expected.
        Assert.All(rows, r => Assert.InRange(double.Parse(r[9], CultureInfo.InvariantCulture), 1 - double.Parse(r[4], CultureInfo.InvariantCulture) - 1e-8, 1.0));
        // next_purchase_date: empty when fewer than one purchase is expected within the horizon, else a date after the
        // calibration end and no later than the horizon end (1997-09-30 + 39 weeks = 1998-06-30).
        Assert.All(rows, r => Assert.Equal(double.Parse(r[5], CultureInfo.InvariantCulture) < 1, r[6].Length == 0));
        Assert.All(rows.Where(r => r[6].Length > 0), r => Assert.InRange(DateOnly.ParseExact(r[6], "yyyy-MM-dd", CultureInfo.InvariantCulture), new DateOnly(1997, 10, 1), new DateOnly(1998, 6, 30)));
        var predicted = rows.Sum(r => double.Parse(r[5], CultureInfo.InvariantCulture));

        // Actual repeat purchase days in the 39-week holdout, 1997-10-01 .. 1998-06-30 (every holdout day is a repeat).
        var actual = File.ReadLines(csv).Skip(1).Select(l => l.Split(','))
            .Where(f => string.CompareOrdinal(f[1], "19971001") >= 0)
            .Select(f => (f[0], f[1])).Distinct().Count();
        // Measured: 1,653 predicted vs 1,882 actual purchase days (−12 %); the BG/NBD under-predicts the heaviest
        // buyers' holdout on CDNOW (cf. Fader, Hardie & Lee 2005, Fig. 5). The bound guards against regressions.
        Assert.Equal(1882, actual);
        Assert.True(Math.Abs(predicted / actual - 1) < 0.15, $"predicted {predicted:F0}, actual {actual}");
    }

    [Fact]
    public async Task Predict_WithCostColumn_WritesMarginRateAndProfitClv()
    {
        using var dir = new TempDir();
        var plain = CdnowSample.WriteCsv(dir.Path);
        var withCost = dir.File("with_cost.csv");
        // cost = 50 % of amount for ids ≡ 0 (mod 3), 80 % for ids ≡ 1, none recorded for ids ≡ 2.
        File.WriteAllLines(withCost, File.ReadLines(plain).Select((line, i) =>
        {
            if (i == 0) return line + ",cost";
            var f = line.Split(',');
            var amount = decimal.Parse(f[3], CultureInfo.InvariantCulture);
            return (int.Parse(f[0], CultureInfo.InvariantCulture) % 3) switch
            {
                0 => line + "," + (amount * 0.5m).ToString(CultureInfo.InvariantCulture),
                1 => line + "," + (amount * 0.8m).ToString(CultureInfo.InvariantCulture),
                _ => line + ",",
            };
        }));
        var (exit, _, stderr) = await CliRunner.RunAsync("predict", "--input", withCost, "--spend-model", "gammagamma",
            "--time-unit", "week", "--calibration-end", "1997-09-30", "--horizon", "52", "--out", dir.File("out"));
        Assert.True(exit == 0, stderr);
        var lines = File.ReadAllLines(dir.File("out/predictions.csv"));
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        Assert.True(Col("margin_rate") > 0 && Col("profit_clv") > 0);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        var population = double.Parse(rows.First(r => int.Parse(r[0], CultureInfo.InvariantCulture) % 3 == 2)[Col("margin_rate")], CultureInfo.InvariantCulture);
        Assert.InRange(population, 0.2, 0.5);
        var own = 0;
        foreach (var row in rows)
        {
            var rate = double.Parse(row[Col("margin_rate")], CultureInfo.InvariantCulture);
            var expected = (int.Parse(row[0], CultureInfo.InvariantCulture) % 3) switch { 0 => 0.5, 1 => 0.2, _ => population };
            // CDNOW has some $0.00 purchases: a customer with no calibration revenue takes the population rate.
            Assert.True(Math.Abs(rate - expected) < 1e-6 || Math.Abs(rate - population) < 1e-6, $"customer {row[0]}: rate {rate}");
            if (Math.Abs(rate - expected) < 1e-6 && expected != population) own++;
            var clv = double.Parse(row[Col("clv")], CultureInfo.InvariantCulture);
            // Both columns are printed with 4 decimals, so compare within print rounding.
            Assert.InRange(double.Parse(row[Col("profit_clv")], CultureInfo.InvariantCulture), clv * rate - 0.001, clv * rate + 0.001);
        }
        Assert.True(own > 1500, $"only {own} customers have their own margin rate");
    }
}
