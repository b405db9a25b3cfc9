using Segmenta.Core.Campaigns;

namespace Segmenta.Core.Tests.Campaigns;

public sealed class CampaignEvaluationTests
{
    [Fact]
    public void Evaluate_HandExample_MetricsAndDifferenceInDifferences()
    {
        CampaignCustomer C(string id, bool treated, string segment, long pre, long post, decimal revenue) =>
            new(id, treated, segment, pre, pre * 10m, post, revenue);
        var customers = new[]
        {
            C("a", true, "A", 1, 2, 30m), C("b", true, "A", 0, 1, 10m), C("c", true, "B", 1, 0, 0m), C("d", true, "B", 0, 3, 50m),
            C("e", false, "A", 1, 1, 10m), C("f", false, "A", 0, 0, 0m), C("g", false, "B", 1, 1, 20m), C("h", false, "B", 0, 0, 0m),
        };
        var effects = CampaignEvaluation.Evaluate(customers);
        var orders = effects.Single(e => e.Segment == "*" && e.Metric == CampaignEvaluation.OrdersPerCustomer);
        Assert.Equal(1.5, orders.Window.TreatedMean, 12);   // (2+1+0+3)/4
        Assert.Equal(0.5, orders.Window.ControlMean, 12);
        Assert.Equal(1.0, orders.Window.Difference, 12);
        // DiD: treated changes (1, 1, −1, 3) mean 1; control changes (0, 0, 0, 0) mean 0.
        Assert.Equal(1.0, orders.DifferenceInDifferences!.Difference, 12);
        var rate = effects.Single(e => e.Segment == "*" && e.Metric == CampaignEvaluation.PurchaseRate);
        Assert.Equal(0.75, rate.Window.TreatedMean, 12);
        Assert.Equal(0.5, rate.Window.ControlMean, 12);
        var retention = effects.Single(e => e.Segment == "*" && e.Metric == CampaignEvaluation.Retention);
        Assert.Equal(0.5, retention.Window.TreatedMean, 12);   // a kept, c did not
        Assert.Equal(1.0, retention.Window.ControlMean, 12);   // e and g kept
        Assert.Contains(effects, e => e.Segment == "A" && e.Metric == CampaignEvaluation.RevenuePerCustomer && e.Window.TreatedMean == 20);
    }
}
