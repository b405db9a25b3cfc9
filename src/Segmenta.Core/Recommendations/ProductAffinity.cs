namespace Segmenta.Core.Recommendations;

/// <summary>Product affinity of segments: lift = (segment's purchases of i ÷ segment's purchases) ÷ (all purchases of i ÷ all purchases).</summary>
public static class ProductAffinity
{
    /// <summary>
    /// Lift of every (segment, item) pair with at least one purchase: the ratio of the item's share of the
    /// segment's purchases to its share of all purchases — the "lift" of association rules (Brin, Motwani,
    /// Ullman &amp; Tsur 1997, "Dynamic Itemset Counting and Implication Rules for Market Basket Data", SIGMOD, §2,
    /// there called interest) with the segment as antecedent. Ordered by segment, then lift descending, then item.
    /// </summary>
    public static IReadOnlyList<AffinityRow> Compute(IEnumerable<SegmentItemCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var rows = counts.Where(c => c.Purchases > 0).ToList();
        var bySegment = new Dictionary<string, long>(StringComparer.Ordinal);
        var byItem = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        foreach (var c in rows)
        {
            bySegment[c.Segment] = bySegment.GetValueOrDefault(c.Segment) + c.Purchases;
            byItem[c.Item] = byItem.GetValueOrDefault(c.Item) + c.Purchases;
            total += c.Purchases;
        }
        return
        [
            .. rows.Select(c =>
            {
                var segmentShare = (double)c.Purchases / bySegment[c.Segment];
                var overallShare = (double)byItem[c.Item] / total;
                return new AffinityRow(c.Segment, c.Item, c.Purchases, segmentShare, overallShare, segmentShare / overallShare);
            })
            .OrderBy(a => a.Segment, StringComparer.Ordinal).ThenByDescending(a => a.Lift).ThenBy(a => a.Item, StringComparer.Ordinal),
        ];
    }
}
