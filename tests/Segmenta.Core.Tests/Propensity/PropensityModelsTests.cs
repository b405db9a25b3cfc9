using Segmenta.Core.Propensity;

namespace Segmenta.Core.Tests.Propensity;

public class PropensityModelsTests
{
    /// <summary>
    /// 400 customers whose churn depends on recency (a planted logistic relation, seeded), with spend for buyers.
    /// </summary>
    private static PropensityDataset Planted()
    {
        var rng = new Random(5);
        const int n = 400;
        var ids = new List<string>();
        double[] recency = new double[n], tenure = new double[n], ftl = new double[n], freq = new double[n], orders = new double[n], total = new double[n], mean = new double[n];
        var ids2 = new List<string>();
        var days = new List<double>();
        var revenue = new List<double>();
        for (var i = 0; i < n; i++)
        {
            ids.Add("C" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
            tenure[i] = 100 + rng.Next(200);
            recency[i] = rng.Next((int)tenure[i]);
            freq[i] = rng.Next(6);
            ftl[i] = tenure[i] - recency[i];
            orders[i] = freq[i] + 1;
            total[i] = orders[i] * (20 + rng.Next(30));
            mean[i] = freq[i] > 0 ? total[i] / orders[i] : double.NaN;
            var pBuy = 1 / (1 + Math.Exp(-(1.5 - (recency[i] / 40) + (0.3 * freq[i]))));
            if (rng.NextDouble() < pBuy)
            {
                ids2.Add(ids[i]);
                days.Add(1 + rng.Next(3));
                revenue.Add(total[i] / orders[i] * days[^1]);
            }
        }
        var snapshot = new CustomerSnapshot(new DateOnly(2024, 1, 1), ids, recency, tenure, ftl, freq, orders, total, mean);
        return PropensityDataset.Create(snapshot, new WindowActivity(ids2, [.. days], [.. revenue]), 90);
    }

    [Fact]
    public void Evaluate_Auto_DefaultIsTheHighestAuc()
    {
        var evaluation = PropensityModels.Evaluate(Planted(), new PropensityOptions { PermutationRepeats = 1 });
        var report = evaluation.Report;

        Assert.Equal(400, report.Customers);
        Assert.Equal(120, report.TestCustomers);
        Assert.Contains(report.Churn, c => c.Model == "logistic");
        Assert.Contains(report.Churn, c => c.Model == BgNbdBaseline.Name);
        Assert.Contains(report.Churn, c => c.Model == BgNbdBaseline.PAliveName);
        var best = report.Churn.Where(c => double.IsFinite(c.Auc.Auc)).MaxBy(c => c.Auc.Auc)!;
        Assert.Equal(best.Model, report.DefaultChurnModel);
        // The planted relation is logistic in recency: the logistic model finds it.
        Assert.True(report.ChurnOf("logistic").Auc.Auc > 0.75, $"{report.ChurnOf("logistic").Auc.Auc}");
        Assert.Equal("recency_days", report.ChurnOf("logistic").Importance[0].Feature);
        Assert.Equal(report.Spend.MinBy(s => s.RootMeanSquaredError)!.Model, report.DefaultSpendModel);
        Assert.All(evaluation.ChurnRisk, p => Assert.InRange(p, 0, 1));
        Assert.All(evaluation.SpendNext, s => Assert.True(s >= 0));
    }

    [Fact]
    public void Evaluate_NamedModel_IsUsedWhateverItsAuc()
    {
        var report = PropensityModels.Evaluate(Planted(), new PropensityOptions { Model = BgNbdBaseline.PAliveName, PermutationRepeats = 0 }).Report;

        Assert.Equal(BgNbdBaseline.PAliveName, report.DefaultChurnModel);
    }

    [Fact]
    public void Evaluate_UnknownModel_InputError()
    {
        Assert.Throws<SegmentaInputException>(() => PropensityModels.Evaluate(Planted(), new PropensityOptions { Model = "forest", PermutationRepeats = 0 }));
    }

    [Fact]
    public void ChurnRiskBand_FixedCuts()
    {
        var planned = ChurnRiskBand.Plan();

        Assert.Equal("churn_risk_band", planned.Plan.SegmentColumn);
        Assert.Equal(["low", "medium", "high"], planned.Plan.Segments.Select(s => s.Key));
        Assert.Equal([0.4m, 0.7m], planned.Plan.Parameters["churn_risk_band_cut_points"]);
        Assert.Equal("高流失风险", planned.Segment("high").Info.Label.ZhCn);
        Assert.Equal(1, planned.Segment("high").Playbook!.Priority);
    }
}
