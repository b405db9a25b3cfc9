using Segmenta.Core.Snapshots.Alerts;

namespace Segmenta.Core.Tests.Snapshots;

public sealed class AlertEvaluatorTests
{
    private static readonly DateOnly AsOf = new(2024, 6, 30);
    private static readonly Dictionary<string, string> Before = new() { ["1"] = "A", ["2"] = "A", ["3"] = "A", ["4"] = "B", ["5"] = "champions" };
    private static readonly Dictionary<string, string> Now = new() { ["1"] = "A", ["2"] = "B", ["3"] = "C", ["4"] = "A", ["5"] = "champions" };

    private static AlertInputs Inputs(IReadOnlyDictionary<string, DateOnly>? contacts = null, bool previous = true) =>
        new(AsOf, s => s == "abc" ? Now : null, previous ? s => s == "abc" ? Before : null : null, contacts);

    [Fact]
    public void LeavesSegment_ListsMoversOutOfA()
    {
        var r = AlertEvaluator.Evaluate([new AlertRule { When = AlertKinds.LeavesSegment, Scheme = "abc", From = "A" }], Inputs()).Single();
        Assert.Equal(AlertResult.Triggered, r.Status);
        Assert.Equal(["2", "3"], r.Customers);
        Assert.Contains("2 位客户离开了 A", r.MessageZh, StringComparison.Ordinal);
        var toC = AlertEvaluator.Evaluate([new AlertRule { When = AlertKinds.LeavesSegment, Scheme = "abc", From = "A", To = "C" }], Inputs()).Single();
        Assert.Equal(["3"], toC.Customers);
    }

    [Fact]
    public void SegmentShrinks_FiresAboveThresholdOnly()
    {
        // A: 3 → 2 customers, −33 %.
        var fired = AlertEvaluator.Evaluate([new AlertRule { When = AlertKinds.SegmentShrinks, Scheme = "abc", Segment = "A", ByMoreThan = 0.10 }], Inputs()).Single();
        Assert.Equal(AlertResult.Triggered, fired.Status);
        Assert.Equal(-1.0 / 3, fired.Value!.Value, 12);
        var quiet = AlertEvaluator.Evaluate([new AlertRule { When = AlertKinds.SegmentShrinks, Scheme = "abc", Segment = "A", ByMoreThan = 0.50 }], Inputs()).Single();
        Assert.Equal(AlertResult.Ok, quiet.Status);
    }

    [Fact]
    public void NoContact_WithoutInteractions_Skipped_WithInteractions_ListsSilentCustomers()
    {
        var rule = new AlertRule { When = AlertKinds.NoContact, Scheme = "abc", Segment = "A", Days = 60 };
        var skipped = AlertEvaluator.Evaluate([rule], Inputs()).Single();
        Assert.Equal(AlertResult.Skipped, skipped.Status);
        Assert.Equal("skipped: no interactions imported", skipped.MessageEn);
        var contacts = new Dictionary<string, DateOnly> { ["1"] = AsOf.AddDays(-10), ["4"] = AsOf.AddDays(-60) };
        var r = AlertEvaluator.Evaluate([rule], Inputs(contacts)).Single();
        Assert.Equal(["4"], r.Customers);   // exactly 60 days ago counts as no contact within 60 days
    }

    [Fact]
    public void MigrationRule_WithoutPreviousSnapshot_Skipped()
    {
        var r = AlertEvaluator.Evaluate([new AlertRule { When = AlertKinds.EntersSegment, Scheme = "abc", To = "A" }], Inputs(previous: false)).Single();
        Assert.Equal(AlertResult.Skipped, r.Status);
    }
}
