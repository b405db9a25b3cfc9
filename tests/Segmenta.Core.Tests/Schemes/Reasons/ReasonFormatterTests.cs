using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.Schemes.Reasons;
using Segmenta.Core.Schemes.Rules;

namespace Segmenta.Core.Tests.Schemes.Reasons;

public class ReasonFormatterTests
{
    private static readonly Dictionary<string, object?> Row = new()
    {
        ["monetary_total"] = 1234.5m,
        ["tenure_days"] = 800L,
        ["recency_days"] = 40L,
        ["mean_gap_days"] = 12.5m,
        ["region"] = "浙江",
        ["margin"] = null,
    };

    private static string Format(string rule, Func<PopulationAggregate, decimal?>? aggregates = null) =>
        ReasonFormatter.Format(RuleParser.Parse(rule), n => Row[n], aggregates);

    [Fact]
    public void Format_IssueExample_ValuesAndStatisticSubstituted()
    {
        var text = Format("monetary_total >= p90(monetary_total) and tenure_days > 730", _ => 980.2m);
        Assert.Equal("monetary_total 1,234.5 ≥ p90 980.2 and tenure_days 800 > 730", text);
    }

    [Fact]
    public void Format_Or_ShowsOnlyTheHoldingPart()
    {
        Assert.Equal("recency_days 40 > 3 × mean_gap_days 12.5", Format("tenure_days < 30 or recency_days > 3 * mean_gap_days"));
    }

    [Fact]
    public void Format_InBetweenIsNullNot()
    {
        Assert.Equal("region '浙江' in ('浙江', '江苏')", Format("region in ('浙江', '江苏')"));
        Assert.Equal("tenure_days 800 between 700 and 900", Format("tenure_days between 700 and 900"));
        Assert.Equal("margin is null", Format("margin is null"));
        Assert.Equal("not (recency_days 40 > 90)", Format("not recency_days > 90"));
        Assert.Equal("median(tenure_days)", Format("recency_days < median(tenure_days)")[^"median(tenure_days)".Length..]);
    }

    [Fact]
    public void Reason_OtherSchemeColumn_QuotesThatSchemesReason()
    {
        var tiers = new SchemeExplanation("tiers", "tiers", "rules", "test", new LocalizedText("t", "t"),
            [new SegmentExplanation(new SegmentInfo("high", new("高", "High"), new("", "")), "monetary_total >= 1000", null, null)],
            new Dictionary<string, IReadOnlyList<decimal>>());
        var wrapper = new SchemeExplanation("wrap", "wrap", "attribute", "test", new LocalizedText("w", "w"),
            [new SegmentExplanation(new SegmentInfo("high", new("高", "High"), new("", "")), "tiers = 'high'", null, null)],
            new Dictionary<string, IReadOnlyList<decimal>>());
        var reason = wrapper.Reason("high", n => n == "tiers" ? "high" : Row[n], "en", [tiers, wrapper]);
        Assert.Equal("tiers = 'high' [monetary_total 1,234.5 ≥ 1,000]", reason);
    }

    [Fact]
    public void Reason_WrittenRuleWithStoredStatistic_UsesTheRunsValue()
    {
        var scheme = new SchemeExplanation("vip", "vip", "rules", "test", new LocalizedText("v", "v"),
            [
                new SegmentExplanation(new SegmentInfo("top", new("顶级", "Top"), new("", "")), "monetary_total >= 999", "monetary_total >= p80(monetary_total)", null),
                new SegmentExplanation(new SegmentInfo("rest", new("其他", "Rest"), new("", "")), null, null, null),
            ],
            new Dictionary<string, IReadOnlyList<decimal>> { ["vip:percentile(monetary_total, 0.8)"] = [999m] });
        Assert.Equal("monetary_total 1,234.5 ≥ p80 999", scheme.Reason("top", n => Row[n], "en"));
        Assert.Contains("default", scheme.Reason("rest", n => Row[n], "en"), StringComparison.Ordinal);
        Assert.Contains("默认", scheme.Reason("rest", n => Row[n], "zh-CN"), StringComparison.Ordinal);
        Assert.Equal(["monetary_total"], scheme.RuleColumns());
    }
}
