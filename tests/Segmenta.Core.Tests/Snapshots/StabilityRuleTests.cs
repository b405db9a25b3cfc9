using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.Snapshots;

namespace Segmenta.Core.Tests.Snapshots;

public sealed class StabilityRuleTests
{
    // Tier by monetary (cuts 1,000 and 2,000) and by whole orders (cut 2): A / B / C, or D when orders < 2.
    private static readonly SchemePlan Plan = new(
        "tiers",
        [[new DerivedColumn("tier", new CaseWhen(
            [
                new CaseBranch(new Binary(BinaryOp.Less, new ColumnRef("orders"), new Literal(2L)), new Literal("D")),
                new CaseBranch(new Binary(BinaryOp.GreaterOrEqual, new ColumnRef("monetary"), new Literal(2000m)), new Literal("A")),
                new CaseBranch(new Binary(BinaryOp.GreaterOrEqual, new ColumnRef("monetary"), new Literal(1000m)), new Literal("B")),
            ], new Literal("C")))]],
        "tier", [], new Dictionary<string, IReadOnlyList<decimal>>());

    private static Dictionary<string, object?> Row(decimal monetary, long orders) => new() { ["monetary"] = monetary, ["orders"] = orders };

    private static string Computed(Dictionary<string, object?> row) => (string)ExprEvaluator.EvaluatePlan(Plan, row)["tier"]!;

    [Fact]
    public void Hysteresis_WithinFivePercentOfCut_KeepsPrevious_WithReason()
    {
        var row = Row(980m, 3);
        var d = StabilityRule.Decide(Plan, Computed(row), "B", 5, row, new StabilitySettings(0.05m));
        Assert.Equal("B", d.Segment);
        Assert.Equal("kept in B by hysteresis: within 5 % (monetary 980 → 1,029) it is still B / 因滞后保持在 B：在 5 % 范围内（monetary 980 → 1,029）仍属 B", d.Reason);
    }

    [Fact]
    public void Hysteresis_FarPastCut_Moves_NewCustomerAssignedNormally()
    {
        var far = Row(940m, 3);   // 940 × 1.05 = 987 < 1,000
        Assert.Equal(new StabilityDecision("C", null), StabilityRule.Decide(Plan, "C", "B", 5, far, new StabilitySettings(0.05m)));
        Assert.Equal(new StabilityDecision("C", null), StabilityRule.Decide(Plan, "C", null, 0, Row(999m, 3), new StabilitySettings(0.05m, 3)));
    }

    [Fact]
    public void Hysteresis_WholeNumberMeasure_MovesByWholeUnitsOnly()
    {
        // 2 orders × 0.95 = 1.9 would fall below the cut 2; whole numbers round toward the value, so she moves from D.
        var row = Row(1500m, 2);
        Assert.Equal(new StabilityDecision("B", null), StabilityRule.Decide(Plan, "B", "D", 5, row, new StabilitySettings(0.05m)));
        // 40 orders × 0.95 = 38: still ≥ 2, so no effect either; monetary 2,050 × 0.95 = 1,947.5 < 2,000 keeps her in B.
        var big = Row(2050m, 40);
        Assert.Equal("B", StabilityRule.Decide(Plan, "A", "B", 5, big, new StabilitySettings(0.05m)).Segment);
    }

    [Fact]
    public void MinDwell_BelowMinimum_Holds_AtMinimum_Moves_RulesKindDwellOnly()
    {
        var row = Row(3000m, 3);
        var held = StabilityRule.Decide(Plan, "A", "C", 1, row, new StabilitySettings(0m, 2));
        Assert.Equal("C", held.Segment);
        Assert.StartsWith("kept in C by minimum dwell: 1 of 2 snapshots there / 因最短停留期保持在 C", held.Reason, StringComparison.Ordinal);
        Assert.Equal("A", StabilityRule.Decide(Plan, "A", "C", 2, row, new StabilitySettings(0m, 2)).Segment);
        // Without numeric cuts (hysteresis: false) only the dwell rule applies.
        Assert.Equal("B", StabilityRule.Decide(Plan, "B", "A", 9, Row(1990m, 3), new StabilitySettings(0.05m), hysteresis: false).Segment);
    }

    [Property(MaxTest = 300)]
    public Property ZeroSettings_AlwaysTheComputedSegment() =>
        Prop.ForAll(
            Gen.Choose(0, 400_000).Select(v => v / 100m).ToArbitrary(),
            Gen.Choose(0, 50).ToArbitrary(),
            Gen.Elements("A", "B", "C", "D", null).ToArbitrary(),
            (monetary, orders, previous) =>
            {
                var row = Row(monetary, orders);
                var computed = Computed(row);
                return StabilityRule.Decide(Plan, computed, previous, 1, row, new StabilitySettings(0m, 0)) == new StabilityDecision(computed, null);
            });

    [Fact]
    public void Measures_AreTheInputColumns_InFirstUseOrder()
    {
        Assert.Equal(["orders", "monetary"], StabilityRule.Measures(Plan));
        Assert.Equal("hysteresis 1 must be at least 0 and below 1 (0.05 = 5 %)", new StabilitySettings(1m).Problem());
        Assert.Null(new StabilitySettings(0.05m, 2).Problem());
    }
}
