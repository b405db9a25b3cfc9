using Segmenta.Core.Customers;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Schemes.Planning;
using Segmenta.Core.Schemes.Rules;
using static Segmenta.Core.Tests.Schemes.Planning.SchemeRows;

namespace Segmenta.Core.Tests.Schemes.Planning;

public class StagePlanningTests
{
    private static readonly SchemeDefinition Lifecycle = new() { Name = "lifecycle", Kind = SchemeKinds.Lifecycle };

    private static readonly FeatureSchema WithPAlive =
        FeatureSchema.Standard(new Dictionary<string, FeatureType> { ["p_alive"] = FeatureType.Number });

    private static Dictionary<string, object?> Customer(long? orders, long? tenure, long? recency, decimal? gap, decimal? pAlive = null) => Row(
        (FeatureNames.Orders, orders), (FeatureNames.TenureDays, tenure), (FeatureNames.RecencyDays, recency),
        (FeatureNames.MeanGapDays, gap), ("p_alive", pAlive));

    [Theory]
    [InlineData(0L, null, null, null, null, "prospect")]
    [InlineData(null, null, null, null, null, "prospect")]
    [InlineData(1L, 30L, 30L, null, null, "new")]
    [InlineData(2L, 20L, 1L, 1.0, null, "new")]
    [InlineData(5L, 1000L, 366L, 100.0, 0.9, "churned")]
    [InlineData(5L, 500L, 20L, 30.0, 0.05, "churned")]
    [InlineData(5L, 500L, 91L, 100.0, 0.9, "dormant")]
    [InlineData(5L, 500L, 31L, 10.0, 0.9, "dormant")]
    [InlineData(5L, 500L, 30L, 10.0, 0.9, "active")]
    [InlineData(2L, 500L, 10L, 120.0, 0.9, "reactivated")]
    [InlineData(2L, 500L, 31L, 120.0, 0.9, "active")]
    [InlineData(3L, 500L, 5L, null, null, "active")]
    public void Plan_Lifecycle_HandComputedStages(long? orders, long? tenure, long? recency, double? gap, double? pAlive, string expected)
    {
        var plan = SchemePlanner.Plan(Lifecycle, NoHistograms, WithPAlive);
        Assert.Equal(expected, Segment(plan, Customer(orders, tenure, recency, (decimal?)gap, (decimal?)pAlive)));
    }

    [Fact]
    public void Plan_LifecycleWithoutPAliveColumn_IgnoresIt()
    {
        var planned = SchemePlanner.PlanWithSegments(Lifecycle, NoHistograms, FeatureSchema.Standard());
        Assert.Equal("active", Segment(planned.Plan, Customer(5, 500, 20, 30m, 0.05m)));
        Assert.Empty(planned.Plan.Parameters["lifecycle_p_alive_below"]);
        Assert.Equal("recency_days > 365", planned.Segment("churned").Rule);
        Assert.Equal(["prospect", "new", "churned", "dormant", "reactivated", "active"], planned.Plan.Segments.Select(s => s.Key));
        Assert.Null(planned.Segment("active").Rule);
    }

    [Fact]
    public void Plan_Attribute_MappingWithDefault()
    {
        var schema = FeatureSchema.Standard(new Dictionary<string, FeatureType> { ["region"] = FeatureType.Text });
        var definition = new SchemeDefinition
        {
            Name = "region_group",
            Kind = SchemeKinds.Attribute,
            Attribute = new AttributeSettings { Column = "region", Mapping = new Dictionary<string, string> { ["浙江"] = "east", ["江苏"] = "east", ["广东"] = "south" } },
            Segments = [new() { Name = "east", Label = new LocalizedText("华东", "East") }, new() { Name = "south" }],
            Default = "other",
        };
        var planned = SchemePlanner.PlanWithSegments(definition, NoHistograms, schema);
        Assert.Equal(["east", "south", "other"], planned.Plan.Segments.Select(s => s.Key));
        Assert.Equal("east", Segment(planned.Plan, Row(("region", "江苏"))));
        Assert.Equal("south", Segment(planned.Plan, Row(("region", "广东"))));
        Assert.Equal("other", Segment(planned.Plan, Row(("region", "北京"))));
        Assert.Equal("other", Segment(planned.Plan, Row(("region", null))));
        Assert.Equal("region in ('浙江', '江苏')", planned.Segment("east").Rule);
    }

    [Fact]
    public void Plan_AttributeWithoutMapping_ValueIsSegment()
    {
        var definition = new SchemeDefinition
        {
            Name = "tier",
            Kind = SchemeKinds.Attribute,
            Attribute = new AttributeSettings { Column = "客户等级" },
            Default = "unknown",
        };
        var plan = SchemePlanner.Plan(definition, NoHistograms);
        Assert.Equal("VIP", Segment(plan, Row(("客户等级", "VIP"))));
        Assert.Equal("unknown", Segment(plan, Row(("客户等级", null))));
    }

    [Fact]
    public void Plan_Combine_NamedCombinationsAndDefault()
    {
        var schema = FeatureSchema.Standard(new Dictionary<string, FeatureType> { ["rfm_segment"] = FeatureType.Text, ["abc_class"] = FeatureType.Text });
        var definition = new SchemeDefinition
        {
            Name = "focus",
            Kind = SchemeKinds.Combine,
            Combine = new CombineSettings { First = "rfm_segment", Second = "abc_class" },
            Segments =
            [
                new() { Name = "protect", Match = ["champions", "A"] },
                new() { Name = "win_back", Match = ["at_risk", "*"] },
                new() { Name = "big_spenders", Match = ["*", "A"] },
            ],
            Default = "rest",
        };
        Assert.True(SchemeValidator.Validate(definition, schema).IsValid);
        var planned = SchemePlanner.PlanWithSegments(definition, NoHistograms, schema);
        Dictionary<string, object?> C(string? rfm, string? abc) => Row(("rfm_segment", rfm), ("abc_class", abc));
        Assert.Equal("protect", Segment(planned.Plan, C("champions", "A")));
        Assert.Equal("win_back", Segment(planned.Plan, C("at_risk", "A")));
        Assert.Equal("big_spenders", Segment(planned.Plan, C("loyal", "A")));
        Assert.Equal("rest", Segment(planned.Plan, C("champions", "B")));
        Assert.Equal("rest", Segment(planned.Plan, C(null, null)));
        Assert.Equal("rfm_segment = 'champions' and abc_class = 'A'", planned.Segment("protect").Rule);
    }
}
