using Segmenta.Core.Customers;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Schemes.Planning;
using Segmenta.Core.Schemes.Rules;
using static Segmenta.Core.Tests.Schemes.Planning.SchemeRows;

namespace Segmenta.Core.Tests.Schemes.Planning;

public class BandPlanningTests
{
    private static SchemeDefinition Bins(string method, params decimal[] breaks) => new()
    {
        Name = "spend_tier",
        Kind = SchemeKinds.Bins,
        Bins = new BinsSettings { Measure = FeatureNames.MonetaryTotal, Method = method, Breaks = breaks },
        Segments = [new() { Name = "low" }, new() { Name = "mid" }, new() { Name = "high" }],
    };

    private static Dictionary<string, object?> Spend(decimal? value) => Row((FeatureNames.MonetaryTotal, value));

    [Fact]
    public void Plan_BinsQuantile_CutsAtQuantilesValueOnCutIsLower()
    {
        // 1..10: Q(0.5) = 5.5, Q(0.8) = 8.2.
        var plan = SchemePlanner.Plan(Bins(BinMethods.Quantile, 0.5m, 0.8m),
            Histograms((FeatureNames.MonetaryTotal, Histogram([.. Enumerable.Range(1, 10).Select(i => (decimal?)i)]))));
        Assert.Equal([5.5m, 8.2m], plan.Parameters["spend_tier_cut_points"]);
        Assert.Equal(["low", "low", "low", "low", "low", "mid", "mid", "mid", "high", "high"],
            Enumerable.Range(1, 10).Select(i => Segment(plan, Spend(i))));
        Assert.Equal("mid", Segment(plan, Spend(8.2m)));
        Assert.Equal("low", Segment(plan, Spend(null)));
    }

    [Fact]
    public void Plan_BinsEqualWidth_SplitsTheRange()
    {
        // range 0..90 in 3 tiers: cuts 30, 60.
        var definition = Bins(BinMethods.EqualWidth);
        Assert.Equal([FeatureNames.MonetaryTotal], SchemePlanner.RequiredHistograms(definition));
        var plan = SchemePlanner.Plan(definition, Histograms((FeatureNames.MonetaryTotal, Histogram(0m, 10m, 90m))));
        Assert.Equal([30m, 60m], plan.Parameters["spend_tier_cut_points"]);
        Assert.Equal(["low", "mid", "mid", "high"], new decimal?[] { 30m, 30.01m, 60m, 60.5m }.Select(v => Segment(plan, Spend(v))));
    }

    [Fact]
    public void Plan_BinsFixed_BreakIsFirstValueOfItsTier()
    {
        var definition = Bins(BinMethods.Fixed, 1000m, 5000m);
        Assert.Empty(SchemePlanner.RequiredHistograms(definition));
        var planned = SchemePlanner.PlanWithSegments(definition, NoHistograms);
        Assert.Equal(["low", "mid", "mid", "high"], new decimal?[] { 999.99m, 1000m, 4999m, 5000m }.Select(v => Segment(planned.Plan, Spend(v))));
        Assert.Equal("monetary_total >= 1000 and monetary_total < 5000", planned.Segment("mid").Rule);
        Assert.Equal("monetary_total >= 5000", planned.Segment("high").Rule);
    }

    [Fact]
    public void Plan_BinsEmptyHistogram_EveryoneLowestTier()
    {
        var plan = SchemePlanner.Plan(Bins(BinMethods.Quantile, 0.5m, 0.8m), Histograms((FeatureNames.MonetaryTotal, Histogram(null, null))));
        Assert.Empty(plan.Parameters["spend_tier_cut_points"]);
        Assert.Equal("low", Segment(plan, Spend(1_000_000m)));
    }

    [Fact]
    public void Plan_ValueFrequencyPreset_ClassicTwoByTwoAtTheMeans()
    {
        // monetary mean = 250, orders mean = 3; a value on the mean is low.
        var histograms = Histograms(
            (FeatureNames.MonetaryTotal, Histogram(100m, 200m, 300m, 400m)),
            (FeatureNames.Orders, Histogram(1m, 2m, 3m, 6m)));
        var preset = SchemePresets.ValueFrequencyMatrix();
        Assert.True(SchemeValidator.Validate(preset, FeatureSchema.Standard()).IsValid);
        var planned = SchemePlanner.PlanWithSegments(preset, histograms);
        var plan = planned.Plan;

        Assert.Equal("value_frequency", plan.SegmentColumn);
        Assert.Equal(["高价值高频", "高价值低频", "低价值高频", "低价值低频"], plan.Segments.Select(s => s.Label.ZhCn));
        Assert.Equal([250m], plan.Parameters["value_frequency_row_cut_points"]);
        Assert.Equal([3m], plan.Parameters["value_frequency_column_cut_points"]);
        Dictionary<string, object?> C(decimal? m, long? o) => Row((FeatureNames.MonetaryTotal, m), (FeatureNames.Orders, o));
        Assert.Equal("high_value_high_frequency", Segment(plan, C(300m, 4)));
        Assert.Equal("high_value_low_frequency", Segment(plan, C(300m, 3)));
        Assert.Equal("low_value_high_frequency", Segment(plan, C(250m, 6)));
        Assert.Equal("low_value_low_frequency", Segment(plan, C(null, null)));
        Assert.Equal(2L, ExprEvaluator(plan, C(300m, 1))["value_frequency_row"]);
        Assert.Equal("monetary_total > 250 and orders > 3", planned.Segment("high_value_high_frequency").Rule);
        Assert.Equal("monetary_total <= 250 and orders <= 3", planned.Segment("low_value_low_frequency").Rule);
    }

    private static IReadOnlyDictionary<string, object?> ExprEvaluator(SchemePlan plan, Dictionary<string, object?> row) =>
        Core.Schemes.Expressions.ExprEvaluator.EvaluatePlan(plan, row);

    [Fact]
    public void Plan_ThreeByTwoMatrix_FixedRowsMedianColumns()
    {
        var definition = new SchemeDefinition
        {
            Name = "grid",
            Kind = SchemeKinds.Matrix,
            Matrix = new MatrixSettings
            {
                Rows = new AxisDefinition { Measure = FeatureNames.MonetaryTotal, Split = AxisSplits.Fixed, At = [100m, 1000m] },
                Columns = new AxisDefinition { Measure = FeatureNames.RecencyDays, Split = AxisSplits.Median },
            },
            Segments = [.. from r in Enumerable.Range(1, 3) from c in Enumerable.Range(1, 2) select new SegmentDefinition { Name = $"r{r}c{c}", Cell = [r, c] }],
        };
        Assert.Equal([FeatureNames.RecencyDays], SchemePlanner.RequiredHistograms(definition));
        var plan = SchemePlanner.Plan(definition, Histograms((FeatureNames.RecencyDays, Histogram(10m, 20m, 30m))));
        Dictionary<string, object?> C(decimal? m, long? r) => Row((FeatureNames.MonetaryTotal, m), (FeatureNames.RecencyDays, r));
        Assert.Equal("r1c1", Segment(plan, C(99m, 20)));
        Assert.Equal("r2c2", Segment(plan, C(100m, 21)));
        Assert.Equal("r3c1", Segment(plan, C(1000m, 5)));
        Assert.Equal("r3c2", Segment(plan, C(5000m, 400)));
    }

    [Fact]
    public void Plan_Grading_ContributionTimesPredictedPotential()
    {
        var schema = FeatureSchema.Standard(new Dictionary<string, FeatureType> { ["clv_12m"] = FeatureType.Number });
        var definition = new SchemeDefinition
        {
            Name = "grade",
            Kind = SchemeKinds.Grading,
            Grading = new GradingSettings { Potential = new AxisDefinition { Measure = "clv_12m", Split = AxisSplits.Fixed, At = [1000m] } },
            Segments = [new() { Name = "A", Label = new LocalizedText("重点客户", "Key") }],
        };
        Assert.True(SchemeValidator.Validate(definition, schema).IsValid, SchemeValidator.Validate(definition, schema).ToString());
        // monetary median = 200.
        var plan = SchemePlanner.Plan(definition, Histograms((FeatureNames.MonetaryTotal, Histogram(100m, 200m, 300m))), schema);
        Assert.Equal(["A", "B", "C", "D"], plan.Segments.Select(s => s.Key));
        Assert.Equal("重点客户", plan.Segments[0].Label.ZhCn);
        Dictionary<string, object?> C(decimal? m, decimal? clv) => Row((FeatureNames.MonetaryTotal, m), ("clv_12m", clv));
        Assert.Equal("A", Segment(plan, C(201m, 1000m)));
        Assert.Equal("B", Segment(plan, C(201m, 999m)));
        Assert.Equal("C", Segment(plan, C(200m, 2000m)));
        Assert.Equal("D", Segment(plan, C(100m, null)));
    }
}
