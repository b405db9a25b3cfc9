namespace Segmenta.Core.Snapshots.Migration;

/// <summary>One segment's KPIs in one snapshot.</summary>
/// <param name="SnapshotId">Snapshot.</param>
/// <param name="AsOf">Its as-of date.</param>
/// <param name="Segment">Segment key.</param>
/// <param name="Customers">Customers in the segment.</param>
/// <param name="Revenue">Sum of <c>monetary_total</c> (revenue to the as-of date).</param>
/// <param name="MeanClv">Mean CLV when the snapshot has a <c>clv_*</c> column, else null.</param>
/// <param name="Retention">
/// Share of the segment's customers who purchased again after this as-of date and on or before the next snapshot's
/// (their <c>last_purchase</c> in the next snapshot is later than this as-of date); null for the last snapshot.
/// </param>
public sealed record SegmentKpi(long SnapshotId, DateOnly AsOf, string Segment, long Customers, decimal Revenue, double? MeanClv, double? Retention);

/// <summary>One customer's row for <see cref="SegmentKpis"/>.</summary>
/// <param name="CustomerId">Customer id.</param>
/// <param name="Segment">Segment in this snapshot.</param>
/// <param name="Revenue">monetary_total.</param>
/// <param name="Clv">CLV, when the snapshot has it.</param>
/// <param name="LastPurchase">last_purchase date.</param>
public sealed record KpiRow(string CustomerId, string Segment, decimal Revenue, double? Clv, DateOnly? LastPurchase);

/// <summary>The rows of one snapshot.</summary>
/// <param name="SnapshotId">Snapshot id.</param>
/// <param name="AsOf">As-of date.</param>
/// <param name="Rows">One row per customer.</param>
public sealed record KpiSnapshot(long SnapshotId, DateOnly AsOf, IReadOnlyList<KpiRow> Rows);

/// <summary>Segment KPIs over a series of snapshots (customers, revenue, mean CLV, retention into the next snapshot).</summary>
public static class SegmentKpis
{
    /// <summary>KPIs per snapshot (in as-of order) and segment (ordinal order within a snapshot).</summary>
    public static IReadOnlyList<SegmentKpi> Compute(IReadOnlyList<KpiSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var ordered = snapshots.OrderBy(s => s.AsOf).ThenBy(s => s.SnapshotId).ToList();
        var result = new List<SegmentKpi>();
        for (var k = 0; k < ordered.Count; k++)
        {
            var snap = ordered[k];
            Dictionary<string, DateOnly?>? next = k + 1 < ordered.Count
                ? ordered[k + 1].Rows.ToDictionary(r => r.CustomerId, r => r.LastPurchase, StringComparer.Ordinal)
                : null;
            foreach (var group in snap.Rows.GroupBy(r => r.Segment, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var rows = group.ToList();
                var clv = rows.Where(r => r.Clv is { } c && double.IsFinite(c)).Select(r => r.Clv!.Value).ToList();
                double? retention = next is null ? null
                    : (double)rows.Count(r => next.TryGetValue(r.CustomerId, out var last) && last > snap.AsOf) / rows.Count;
                result.Add(new SegmentKpi(snap.SnapshotId, snap.AsOf, group.Key, rows.Count, rows.Sum(r => r.Revenue),
                    clv.Count == 0 ? null : clv.Average(), retention));
            }
        }
        return result;
    }
}
