using Segmenta.Core.Numerics;
using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.Schemes.Rules;

namespace Segmenta.Core.Tests.Schemes.Rules;

public class AggregateResolverTests
{
    // 1, 2, 2, 3, 10 (and one null)
    private static readonly ValueHistogram Small = ValueHistogram.FromValues([3m, 1m, 2m, null, 10m, 2m]);

    private static decimal Value(string aggregate, ValueHistogram histogram)
    {
        var resolved = AggregateResolver.Resolve(RuleParser.Parse("x >= " + aggregate), _ => histogram);
        return (decimal)((Literal)((Binary)resolved).Right).Value!;
    }

    [Theory]
    [InlineData("mean(x)", "3.6")]
    [InlineData("avg(x)", "3.6")]
    [InlineData("median(x)", "2")]
    [InlineData("min(x)", "1")]
    [InlineData("max(x)", "10")]
    [InlineData("p25(x)", "2")]
    [InlineData("p80(x)", "4.4")] // h = 4 × 0.8 = 3.2 → 3 + 0.2 × (10 − 3)
    [InlineData("percentile(x, 0.9)", "7.2")] // h = 3.6 → 3 + 0.6 × 7
    [InlineData("p1(x)", "1.04")] // h = 0.04 → 1 + 0.04 × 1
    [InlineData("p99(x)", "9.72")] // h = 3.96 → 3 + 0.96 × 7
    public void Resolve_HandComputedValues(string aggregate, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Value(aggregate, Small));

    [Fact]
    public void Resolve_TopShare_ParetoThresholdWithTies()
    {
        // total 18: 10 (56 %), then 3 → 13 (72 %), then both 2s → 17 (94 %) reaches 80 %: threshold 2.
        Assert.Equal(2m, Value("top_share(x, 0.8)", Small));
        Assert.Equal(10m, Value("top_share(x, 0.5)", Small));
        Assert.Equal(3m, Value("top_share(x, 0.72)", Small));
    }

    [Fact]
    public void Resolve_TopShare_IgnoresNonPositiveValues()
    {
        var h = ValueHistogram.FromValues([-50m, 0m, 4m, 6m]);
        Assert.Equal(6m, Value("top_share(x, 0.6)", h));
        Assert.Equal(4m, Value("top_share(x, 0.61)", h));
    }

    [Fact]
    public void Resolve_SingleValue_AllStatisticsEqualIt()
    {
        var h = ValueHistogram.FromValues([7m]);
        foreach (var a in new[] { "mean(x)", "median(x)", "p80(x)", "min(x)", "max(x)", "top_share(x, 0.8)" })
            Assert.Equal(7m, Value(a, h));
    }

    [Fact]
    public void Resolve_EmptyColumn_InputError()
    {
        var e = Assert.Throws<SegmentaInputException>(() => Value("mean(x)", ValueHistogram.FromValues([null])));
        Assert.Contains("mean(x): column \"x\" has no non-null value", e.Message, StringComparison.Ordinal);
        Assert.Throws<SegmentaInputException>(() => Value("top_share(x, 0.8)", ValueHistogram.FromValues([0m, -1m])));
        Assert.Throws<SegmentaInputException>(() => Value("percentile(x, 2)", Small));
    }

    [Fact]
    public void Resolve_FetchesEachColumnOnce_AndLeavesOtherNodes()
    {
        var calls = new List<string>();
        var rule = RuleParser.Parse("a > mean(a) and a < p90(a) or b in (1, max(b))");
        var resolved = AggregateResolver.Resolve(rule, c => { calls.Add(c); return Small; });
        Assert.Equal(["a", "b"], calls);
        ExprEquality.AssertEqual(RuleParser.Parse("a > 3.6 and a < 7.2 or b in (1, 10)"), resolved);
    }

    [Fact]
    public void Resolve_NoAggregates_SameTree()
    {
        var rule = RuleParser.Parse("a > 1");
        Assert.Same(rule, AggregateResolver.Resolve(rule, _ => throw new InvalidOperationException()));
    }

    [Fact]
    public void Required_DistinctInOrderOfAppearance()
    {
        var rule = RuleParser.Parse("a > mean(a) and b < p80(b) and a < avg(a) and c > percentile(b, 0.8)");
        Assert.Equal(
            [new PopulationAggregate(AggregateFunction.Mean, "a", null), new PopulationAggregate(AggregateFunction.Percentile, "b", 0.8m)],
            AggregateResolver.Required(rule));
    }
}
