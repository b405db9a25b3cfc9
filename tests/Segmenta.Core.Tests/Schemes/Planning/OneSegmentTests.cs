using Segmenta.Core.Customers;
using Segmenta.Core.Numerics;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Schemes.Planning;
using Segmenta.Core.Schemes.Rules;
using static Segmenta.Core.Tests.Schemes.Planning.SchemeRows;

namespace Segmenta.Core.Tests.Schemes.Planning;

public class OneSegmentTests
{
    private static readonly decimal?[] Values = [null, 0m, 1m, 2m, 5m, 30m, 90m, 91m, 200m, 550m, 910m, 1000m, 5000m];

    private static readonly ValueHistogram Spread = Histogram([.. Values.Skip(1)]);

    public static TheoryData<string> Kinds() => [.. new[] { "rules", "behaviour", "needs", "bins", "matrix", "grading", "lifecycle" }];

    private static SchemeDefinition Definition(string kind) => kind switch
    {
        "rules" => RulesPlanningTests.KeyAccounts,
        "bins" => new SchemeDefinition
        {
            Name = "b",
            Kind = SchemeKinds.Bins,
            Bins = new BinsSettings { Measure = FeatureNames.MonetaryTotal, Breaks = [0.2m, 0.5m, 0.8m] },
            Segments = [new() { Name = "t1" }, new() { Name = "t2" }, new() { Name = "t3" }, new() { Name = "t4" }],
        },
        "matrix" => SchemePresets.ValueFrequencyMatrix(),
        "grading" => new SchemeDefinition { Name = "g", Kind = SchemeKinds.Grading, Grading = new GradingSettings { Potential = new AxisDefinition { Measure = FeatureNames.Margin } } },
        _ => new SchemeDefinition { Name = kind, Kind = kind },
    };

    /// <summary>Every combination of values (null included) over the features the schemes read gets one known segment.</summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public void Plan_AnyFeatureValues_ExactlyOneKnownSegment(string kind)
    {
        var plan = SchemePlanner.Plan(Definition(kind), _ => Spread, FeatureSchema.Standard());
        var keys = plan.Segments.Select(s => s.Key).ToHashSet();
        Assert.Equal(plan.Segments.Count, keys.Count);
        string[] columns = [FeatureNames.MonetaryTotal, FeatureNames.Orders, FeatureNames.RecencyDays, FeatureNames.TenureDays,
            FeatureNames.MeanGapDays, FeatureNames.MonetaryMean, FeatureNames.Margin];
        var random = new Random(20240601);
        for (var i = 0; i < 2000; i++)
        {
            var row = columns.ToDictionary(c => c, _ => (object?)Values[random.Next(Values.Length)]);
            Assert.Contains(Segment(plan, row), keys);
        }
    }
}
