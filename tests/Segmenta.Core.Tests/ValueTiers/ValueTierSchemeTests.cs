using Segmenta.Core.Customers;
using Segmenta.Core.Numerics;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.ValueTiers;

namespace Segmenta.Core.Tests.ValueTiers;

public class ValueTierSchemeTests
{
    private static string Tier(SchemePlan plan, decimal? value, string measure = FeatureNames.MonetaryTotal) =>
        (string)ExprEvaluator.EvaluatePlan(plan, new Dictionary<string, object?> { [measure] = value })[ValueTierScheme.SegmentColumn]!;

    [Fact]
    public void Plan_Quantiles_TopTwentyHighNextThirtyMid()
    {
        // 1..10: Q(0.5) = 5.5, Q(0.8) = 8.2 → 9, 10 high; 6, 7, 8 mid; 1..5 low.
        var plan = ValueTierScheme.Plan(ValueHistogram.FromValues(Enumerable.Range(1, 10).Select(i => (decimal?)i)));
        Assert.Equal([5.5m, 8.2m], plan.Parameters["value_tier_thresholds"]);
        Assert.Equal(["low", "low", "low", "low", "low", "mid", "mid", "mid", "high", "high"],
            Enumerable.Range(1, 10).Select(i => Tier(plan, i)));
        Assert.Equal("low", Tier(plan, null));
        Assert.Equal("高价值", plan.Segments[0].Label.ZhCn);
    }

    [Fact]
    public void Plan_ValueOnQuantileCutPoint_GetsLowerTier()
    {
        var plan = ValueTierScheme.Plan(ValueHistogram.FromValues(Enumerable.Range(1, 10).Select(i => (decimal?)i)));
        Assert.Equal("mid", Tier(plan, 8.2m));
        Assert.Equal("low", Tier(plan, 5.5m));
    }

    [Fact]
    public void Plan_FixedThresholds_AreInclusiveOnAnyMeasure()
    {
        var options = new ValueTierOptions { Method = ValueTierMethod.Fixed, HighThreshold = 10_000m, MidThreshold = 2_000m, Measure = "clv_12m" };
        var plan = ValueTierScheme.Plan(new ValueHistogram([], [], 0), options);
        Assert.Equal("high", Tier(plan, 10_000m, "clv_12m"));
        Assert.Equal("mid", Tier(plan, 2_000m, "clv_12m"));
        Assert.Equal("low", Tier(plan, 1_999.99m, "clv_12m"));
    }

    [Fact]
    public void Plan_EmptyHistogram_EveryoneLow()
    {
        var plan = ValueTierScheme.Plan(new ValueHistogram([], [], 5));
        Assert.Empty(plan.Parameters["value_tier_thresholds"]);
        Assert.Equal("low", Tier(plan, 1_000_000m));
    }

    [Fact]
    public void Plan_InvalidOptions_Throw()
    {
        var h = ValueHistogram.FromValues([1m]);
        Assert.Throws<ArgumentException>(() => ValueTierScheme.Plan(h, new ValueTierOptions { Method = ValueTierMethod.Fixed, HighThreshold = 1m }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ValueTierScheme.Plan(h, new ValueTierOptions { HighShare = 0.8, MidShare = 0.5 }));
    }
}
