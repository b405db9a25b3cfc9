using Segmenta.Core.Snapshots.Migration;

namespace Segmenta.Core.Tests.Snapshots;

public sealed class MigrationAnalysisTests
{
    [Fact]
    public void Compare_HandExample_MatrixMoversEntriesExitsFlows()
    {
        var before = new Dictionary<string, string> { ["1"] = "A", ["2"] = "A", ["3"] = "B", ["4"] = "C", ["5"] = "C" };
        var after = new Dictionary<string, string> { ["1"] = "A", ["2"] = "B", ["3"] = "B", ["4"] = "A", ["6"] = "A" };
        var m = MigrationAnalysis.Compare("abc", before, after, ["A", "B", "C"]);
        Assert.Equal(["A", "B", "C"], m.Matrix.Segments);
        Assert.Equal([1L, 1, 0], m.Matrix.Counts[0]);
        Assert.Equal([0L, 1, 0], m.Matrix.Counts[1]);
        Assert.Equal([1L, 0, 0], m.Matrix.Counts[2]);
        Assert.Equal(4, m.Matrix.Total);    // customers 1–4 are in both
        Assert.Equal(2, m.Matrix.Stayed);
        Assert.Equal([0.5, 0.5, 0.0], m.Matrix.RowShares[0]);
        Assert.Equal([new Mover("2", "A", "B"), new Mover("4", "C", "A")], m.Movers);
        Assert.Equal(1, m.OnlyBefore["C"]);
        Assert.Equal(1, m.OnlyAfter["A"]);
        Assert.Equal(m.Matrix.Total, m.Flows.Sum(f => f.Value));
        Assert.Contains(new Flow("C", "A", 1), m.Flows);
    }

    [Fact]
    public void Compare_UnlistedSegment_AppendedInOrdinalOrder()
    {
        var m = MigrationAnalysis.Compare("x", new Dictionary<string, string> { ["1"] = "z" }, new Dictionary<string, string> { ["1"] = "y" }, ["a"]);
        Assert.Equal(["a", "y", "z"], m.Matrix.Segments);
    }

    [Fact]
    public void SegmentKpis_RetentionIsShareBuyingAgainBeforeNextSnapshot()
    {
        var d1 = new DateOnly(2024, 1, 31);
        var d2 = new DateOnly(2024, 2, 29);
        var s1 = new KpiSnapshot(1, d1, [new("a", "A", 100m, 10, d1), new("b", "A", 50m, null, d1.AddDays(-5)), new("c", "B", 5m, 1, d1)]);
        var s2 = new KpiSnapshot(2, d2, [new("a", "A", 120m, 12, d2), new("b", "B", 50m, 2, d1.AddDays(-5)), new("c", "B", 9m, 1, d1.AddDays(3))]);
        var kpis = SegmentKpis.Compute([s2, s1]);
        var a1 = kpis.Single(k => k.SnapshotId == 1 && k.Segment == "A");
        Assert.Equal(2, a1.Customers);
        Assert.Equal(150m, a1.Revenue);
        Assert.Equal(10.0, a1.MeanClv);     // b has no CLV
        Assert.Equal(0.5, a1.Retention);    // a bought again, b did not
        Assert.Equal(1.0, kpis.Single(k => k.SnapshotId == 1 && k.Segment == "B").Retention);
        Assert.Null(kpis.Single(k => k.SnapshotId == 2 && k.Segment == "B").Retention);
    }
}
