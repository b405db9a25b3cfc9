using Segmenta.Core.Customers;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Schemes.Rules;
using Segmenta.Core.Tests.Schemes.Planning;

namespace Segmenta.Core.Tests.Schemes.Definitions;

public class SchemeValidatorTests
{
    private static readonly FeatureSchema Schema = FeatureSchema.Standard(new Dictionary<string, FeatureType>
    {
        ["region"] = FeatureType.Text,
        ["clv_12m"] = FeatureType.Number,
    });

    private static List<string> Problems(SchemeDefinition definition) =>
        [.. SchemeValidator.Validate(definition, Schema).Problems.Select(p => p.Message)];

    [Fact]
    public void Validate_KeyAccounts_Valid() =>
        Assert.Empty(Problems(RulesPlanningTests.KeyAccounts));

    [Fact]
    public void Validate_BrokenRulesScheme_ListsEveryProblemWithItsPath()
    {
        var definition = new SchemeDefinition
        {
            Name = "key_accounts",
            Kind = SchemeKinds.Rules,
            Segments =
            [
                new() { Name = "strategic", When = "monetary_totl >= p90(monetary_total)" },
                new() { Name = "key", When = "region >= 5" },
                new() { Name = "key", When = "recency_days <= " },
                new() { Name = "vip" },
                new() { Name = "x", When = "orders > 1", Playbook = new PlaybookDefinition { Priority = 0, ContactEveryDays = -3 } },
            ],
        };
        var problems = Problems(definition);
        Assert.Collection(problems,
            p => Assert.StartsWith("segments[2].name: duplicate segment name \"key\" (also segments[1])", p, StringComparison.Ordinal),
            p => Assert.StartsWith("segments[4].playbook.priority:", p, StringComparison.Ordinal),
            p => Assert.StartsWith("segments[4].playbook.contact_every_days:", p, StringComparison.Ordinal),
            p => Assert.StartsWith("default: missing", p, StringComparison.Ordinal),
            p => Assert.Equal("segments[0].when: column 1: unknown column monetary_totl: did you mean monetary_total?", p),
            p => Assert.StartsWith("segments[1].when: column 8: \">=\" cannot compare region (text) with 5", p, StringComparison.Ordinal),
            p => Assert.StartsWith("segments[2].when: column 17: expected a number", p, StringComparison.Ordinal),
            p => Assert.StartsWith("segments[3].when: missing", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NameKindAndEmptySegments_Reported()
    {
        Assert.Equal(
            [
                "name: \"Key Accounts\" must be lower-case snake_case (a-z, 0-9, _; starting with a letter), e.g. key_accounts, because it names the output column",
                "kind: \"ruels\" is not known; did you mean \"rules\"? (expected one of rules, bins, matrix, grading, lifecycle, behaviour, needs, attribute, combine, kmeans)",
            ],
            Problems(new SchemeDefinition { Name = "Key Accounts", Kind = "ruels" }));
        var empty = Problems(new SchemeDefinition { Name = "k", Kind = SchemeKinds.Rules, Default = "rest" });
        Assert.Equal(["segments: empty: a scheme of kind rules needs at least one segment"], empty);
    }

    [Fact]
    public void Validate_BadBins_UnsortedOverlappingOutOfRangeAndWrongCount()
    {
        var definition = new SchemeDefinition
        {
            Name = "tiers",
            Kind = SchemeKinds.Bins,
            Bins = new BinsSettings { Measure = "region", Method = BinMethods.Quantile, Breaks = [0.8m, 0.5m, 0.5m, 1.2m] },
            Segments = [new() { Name = "low" }, new() { Name = "high" }],
            Matrix = new MatrixSettings(),
        };
        var problems = Problems(definition);
        Assert.Equal(6, problems.Count);
        Assert.StartsWith("matrix: settings of kind matrix in a scheme of kind bins", problems[0], StringComparison.Ordinal);
        Assert.Equal("bins.measure: column \"region\" is text, but a number is needed here", problems[1]);
        Assert.Contains("bins.breaks[1]: 0.5 is below the previous break 0.8: list breaks in ascending order", problems);
        Assert.Contains("bins.breaks[2]: 0.5 repeats the previous break: breaks must not overlap", problems);
        Assert.Contains(problems, p => p.StartsWith("bins.breaks[3]: 1.2 is not a quantile", StringComparison.Ordinal));
        Assert.Equal("segments: 2 segment(s) for 4 break(s): list 5 tiers, from the lowest values to the highest", problems[^1]);
    }

    [Fact]
    public void Validate_BadMatrix_AxesAndCells()
    {
        var definition = new SchemeDefinition
        {
            Name = "grid",
            Kind = SchemeKinds.Matrix,
            Matrix = new MatrixSettings
            {
                Rows = new AxisDefinition { Measure = "monetry_total", Split = AxisSplits.Quantile, At = [0] },
                Columns = new AxisDefinition { Measure = FeatureNames.Orders, Split = "meen" },
            },
            Segments = [new() { Name = "a", Cell = [1, 1] }],
        };
        var problems = Problems(definition);
        Assert.Equal(
            [
                "matrix.rows.measure: unknown column \"monetry_total\"; did you mean \"monetary_total\"?",
                "matrix.rows.at[0]: 0 is not a quantile: write a share between 0 and 1 (exclusive), e.g. 0.8",
                "matrix.columns.split: \"meen\" is not known; did you mean \"mean\"? (expected one of mean, median, quantile, fixed)",
            ],
            problems);

        var gaps = Problems(SchemePresets.ValueFrequencyMatrix() with
        {
            Segments = [.. SchemePresets.ValueFrequencyMatrix().Segments.Take(2), new() { Name = "dup", Cell = [2, 2] }, new() { Name = "out", Cell = [3, 1] }],
        });
        Assert.Equal(
            [
                "segments[2].cell: [2, 2] is already taken by segments[0]: each cell has one segment",
                "segments[3].cell: [3, 1] is outside the 2 × 2 grid (rows 1..2, columns 1..2)",
                "segments: cell [1, 1] has no segment: name every cell of the 2 × 2 grid",
                "segments: cell [1, 2] has no segment: name every cell of the 2 × 2 grid",
            ],
            gaps);
    }

    [Fact]
    public void Validate_OtherKinds_MissingSettingsAndUnknownNames()
    {
        Assert.Equal(["grading.potential.measure: missing: name the potential column, e.g. clv_12m (a prediction or an attribute)"],
            Problems(new SchemeDefinition { Name = "g", Kind = SchemeKinds.Grading }));
        Assert.Equal(["segments[0].name: kind lifecycle has no segment \"dormat\"; did you mean \"dormant\"? (its segments: prospect, new, churned, dormant, reactivated, active)",
                "lifecycle.churned_after_days: 60 must be above dormant_after_days (90)"],
            Problems(new SchemeDefinition
            {
                Name = "l",
                Kind = SchemeKinds.Lifecycle,
                Segments = [new() { Name = "dormat" }],
                Lifecycle = new LifecycleSettings { ChurnedAfterDays = 60 },
            }));
        Assert.Equal(
            [
                "attribute.column: unknown column \"regoin\"; did you mean \"region\"?",
                "attribute.mapping[\"浙江\"]: \"eest\" is not a segment of this scheme; did you mean \"east\"?",
            ],
            Problems(new SchemeDefinition
            {
                Name = "a",
                Kind = SchemeKinds.Attribute,
                Attribute = new AttributeSettings { Column = "regoin", Mapping = new Dictionary<string, string> { ["浙江"] = "eest" } },
                Segments = [new() { Name = "east" }],
                Default = "other",
            }));
        Assert.Equal(
            [
                "segments[0].when: kind combine does not use rules; remove \"when\" or use kind rules",
                "combine.first: unknown column \"rfm_segment\"",
                "combine.second: missing: name a feature column",
                "segments[0].match: write the two segment keys it stands for, e.g. match: [champions, A] (\"*\" matches any)",
            ],
            Problems(new SchemeDefinition
            {
                Name = "c",
                Kind = SchemeKinds.Combine,
                Combine = new CombineSettings { First = "rfm_segment" },
                Segments = [new() { Name = "x", When = "orders > 1" }],
                Default = "rest",
            }));
    }
}
