using Segmenta.Core.Customers;
using Segmenta.Core.Numerics;
using Segmenta.Core.Rfm;
using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.Tests.Rfm;

public class RfmCn8SchemeTests
{
    private static string Class(decimal? recency, decimal? orders, decimal? monetary) =>
        (string)ExprEvaluator.EvaluatePlan(RfmCn8Scheme.Plan(30m, 3m, 500m), new Dictionary<string, object?>
        {
            [FeatureNames.RecencyDays] = recency,
            [FeatureNames.Orders] = orders,
            [FeatureNames.MonetaryTotal] = monetary,
        })[RfmCn8Scheme.SegmentColumn]!;

    [Theory]
    [InlineData(10, 5, 900, "important_value")]
    [InlineData(10, 1, 900, "important_development")]
    [InlineData(60, 5, 900, "important_retention")]
    [InlineData(60, 1, 900, "important_win_back")]
    [InlineData(10, 5, 100, "general_value")]
    [InlineData(10, 1, 100, "general_development")]
    [InlineData(60, 5, 100, "general_retention")]
    [InlineData(60, 1, 100, "general_win_back")]
    public void Plan_EachCombination_GivesItsClass(int recency, int orders, int monetary, string expected) =>
        Assert.Equal(expected, Class(recency, orders, monetary));

    [Fact]
    public void Plan_ExactlyAtMean_IsLow() => Assert.Equal("general_win_back", Class(30m, 3m, 500m));

    [Fact]
    public void Plan_NullMeasures_AreLow() => Assert.Equal("important_win_back", Class(null, null, 900m));

    [Fact]
    public void Plan_FromHistograms_UsesExactMeans()
    {
        var plan = RfmCn8Scheme.Plan(ValueHistogram.FromValues([10m, 20m]), ValueHistogram.FromValues([1m, 2m, 3m]), ValueHistogram.FromValues([100m]));
        Assert.Equal([15m, 2m, 100m], plan.Parameters["rfm_cn8_means"]);
        Assert.Equal("重要价值客户", plan.Segments[0].Label.ZhCn);
        Assert.Equal(8, plan.Segments.Count);
    }
}
