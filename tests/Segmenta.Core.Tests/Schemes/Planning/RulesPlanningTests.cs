using Segmenta.Core.Customers;
using Segmenta.Core.Numerics;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Schemes.Planning;
using Segmenta.Core.Schemes.Rules;
using static Segmenta.Core.Tests.Schemes.Planning.SchemeRows;

namespace Segmenta.Core.Tests.Schemes.Planning;

public class RulesPlanningTests
{
    /// <summary>The key_accounts example of docs/schemes.md.</summary>
    internal static SchemeDefinition KeyAccounts { get; } = new()
    {
        Name = "key_accounts",
        Kind = SchemeKinds.Rules,
        Segments =
        [
            new()
            {
                Name = "strategic",
                Label = new LocalizedText("战略客户", "Strategic account"),
                When = "monetary_total >= p90(monetary_total) and tenure_days > 730",
                Playbook = new PlaybookDefinition
                {
                    Action = new LocalizedText("专属客户经理月度拜访", "Monthly visit by a dedicated manager"),
                    ContactEveryDays = 30,
                },
            },
            new() { Name = "key", When = "monetary_total >= median(monetary_total)" },
        ],
        Default = "ordinary",
    };

    // monetary_total 100, 200, …, 1000: p90 (type 7) = 900 + 0.1·100 = 910, median = 550.
    private static readonly Func<string, ValueHistogram> Monetary =
        Histograms((FeatureNames.MonetaryTotal, Histogram([.. Enumerable.Range(1, 10).Select(i => (decimal?)(i * 100))])));

    private static Dictionary<string, object?> Customer(decimal? monetary, long? tenure) =>
        Row((FeatureNames.MonetaryTotal, monetary), (FeatureNames.TenureDays, tenure));

    [Fact]
    public void Plan_KeyAccounts_AssignsHandComputedSegments()
    {
        var plan = SchemePlanner.Plan(KeyAccounts, Monetary, FeatureSchema.Standard());

        Assert.Equal("key_accounts", plan.SegmentColumn);
        Assert.Equal(["strategic", "key", "ordinary"], plan.Segments.Select(s => s.Key));
        Assert.Equal("战略客户", plan.Segments[0].Label.ZhCn);
        Assert.Equal("ordinary", plan.Segments[2].Label.En);
        Assert.Equal(910m, plan.Parameters["key_accounts:percentile(monetary_total, 0.9)"].Single());
        Assert.Equal(550m, plan.Parameters["key_accounts:median(monetary_total)"].Single());

        Assert.Equal("strategic", Segment(plan, Customer(1000m, 800)));
        Assert.Equal("strategic", Segment(plan, Customer(910m, 731)));
        Assert.Equal("key", Segment(plan, Customer(909.99m, 800)));
        Assert.Equal("key", Segment(plan, Customer(1000m, 730)));
        Assert.Equal("key", Segment(plan, Customer(550m, null)));
        Assert.Equal("ordinary", Segment(plan, Customer(549.99m, 5000)));
        Assert.Equal("ordinary", Segment(plan, Customer(null, 5000)));
    }

    [Fact]
    public void PlanWithSegments_KeyAccounts_GivesRuleTextWithValuesAndPlaybook()
    {
        var planned = SchemePlanner.PlanWithSegments(KeyAccounts, Monetary);

        var strategic = planned.Segment("strategic");
        Assert.Equal("monetary_total >= 910 and tenure_days > 730", strategic.Rule);
        Assert.Equal(KeyAccounts.Segments[0].When, strategic.Written);
        Assert.Equal(30, strategic.Playbook!.ContactEveryDays);
        Assert.Equal("monetary_total >= 550", planned.Segment("key").Rule);
        Assert.Null(planned.Segment("ordinary").Rule);
    }

    [Fact]
    public void RequiredHistograms_KeyAccounts_OnlyMonetary() =>
        Assert.Equal([FeatureNames.MonetaryTotal], SchemePlanner.RequiredHistograms(KeyAccounts));

    [Fact]
    public void Plan_DefaultListedAsSegment_TakesItsLabelAndComesLast()
    {
        var definition = KeyAccounts with
        {
            Segments = [new() { Name = "ordinary", Label = new LocalizedText("普通客户", "Ordinary") }, .. KeyAccounts.Segments],
        };
        var plan = SchemePlanner.Plan(definition, Monetary);
        Assert.Equal(["strategic", "key", "ordinary"], plan.Segments.Select(s => s.Key));
        Assert.Equal("普通客户", plan.Segments[2].Label.ZhCn);
    }

    [Fact]
    public void Plan_StatisticOverEmptyColumn_ThrowsWithSchemeAndPath()
    {
        var e = Assert.Throws<SegmentaInputException>(() =>
            SchemePlanner.Plan(KeyAccounts, Histograms((FeatureNames.MonetaryTotal, Histogram(null, null)))));
        Assert.StartsWith("scheme \"key_accounts\", segments[0].when:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_InvalidDefinition_ThrowsListingEveryProblem()
    {
        var e = Assert.Throws<SegmentaInputException>(() =>
            SchemePlanner.Plan(KeyAccounts with { Default = null, Name = "Key Accounts" }, Monetary));
        Assert.Contains("name:", e.Message, StringComparison.Ordinal);
        Assert.Contains("default: missing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Behaviour_BuiltInRulesAndOverride()
    {
        // orders 1..8: p75 = 6.25; recency 10..80: median 45, p75 62.5.
        var histograms = Histograms(
            (FeatureNames.Orders, Histogram([.. Enumerable.Range(1, 8).Select(i => (decimal?)i)])),
            (FeatureNames.RecencyDays, Histogram([.. Enumerable.Range(1, 8).Select(i => (decimal?)(i * 10))])));
        var definition = new SchemeDefinition { Name = "behaviour", Kind = SchemeKinds.Behaviour };
        Assert.Equal([FeatureNames.Orders, FeatureNames.RecencyDays], SchemePlanner.RequiredHistograms(definition));
        var plan = SchemePlanner.Plan(definition, histograms);

        Assert.Equal(["loyal", "lost", "potential"], plan.Segments.Select(s => s.Key));
        Assert.Equal("loyal", Segment(plan, Row((FeatureNames.Orders, 7L), (FeatureNames.RecencyDays, 45L))));
        Assert.Equal("potential", Segment(plan, Row((FeatureNames.Orders, 6L), (FeatureNames.RecencyDays, 45L))));
        Assert.Equal("lost", Segment(plan, Row((FeatureNames.Orders, 7L), (FeatureNames.RecencyDays, 63L))));
        Assert.Equal("potential", Segment(plan, Row((FeatureNames.Orders, null), (FeatureNames.RecencyDays, null))));

        var custom = definition with { Segments = [new() { Name = "lost", When = "recency_days > 365" }] };
        var customPlan = SchemePlanner.Plan(custom, histograms);
        Assert.Equal(["lost", "loyal", "potential"], customPlan.Segments.Select(s => s.Key));
        Assert.Equal("potential", Segment(customPlan, Row((FeatureNames.Orders, 1L), (FeatureNames.RecencyDays, 100L))));
        Assert.Equal("lost", Segment(customPlan, Row((FeatureNames.Orders, 9L), (FeatureNames.RecencyDays, 400L))));
    }

    [Fact]
    public void Plan_Needs_RulesOverAttributes()
    {
        var schema = FeatureSchema.Standard(new Dictionary<string, FeatureType> { ["discount_share"] = FeatureType.Number, ["service_tickets"] = FeatureType.Number });
        var definition = new SchemeDefinition
        {
            Name = "needs",
            Kind = SchemeKinds.Needs,
            Segments =
            [
                new() { Name = "value_seeking", When = "discount_share >= 0.5" },
                new() { Name = "experience", When = "service_tickets >= 3" },
            ],
        };
        Assert.True(SchemeValidator.Validate(definition, schema).IsValid);
        var plan = SchemePlanner.Plan(definition, NoHistograms, schema);
        Assert.Equal(["value_seeking", "experience", "functional"], plan.Segments.Select(s => s.Key));
        Assert.Equal("value_seeking", Segment(plan, Row(("discount_share", 0.6m), ("service_tickets", 5L))));
        Assert.Equal("experience", Segment(plan, Row(("discount_share", 0.1m), ("service_tickets", 3L))));
        Assert.Equal("functional", Segment(plan, Row(("discount_share", null), ("service_tickets", 0L))));
    }
}
