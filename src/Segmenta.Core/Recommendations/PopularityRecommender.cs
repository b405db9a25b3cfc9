namespace Segmenta.Core.Recommendations;

/// <summary>The plain popularity baseline: the N most purchased items overall that the customer has not bought yet.</summary>
public sealed class PopularityRecommender
{
    private readonly (string Item, double Share)[] _ranked;
    private readonly int _top;

    /// <summary>Ranks the items of <paramref name="affinity"/> by total purchases.</summary>
    public PopularityRecommender(IReadOnlyList<AffinityRow> affinity, int top)
    {
        ArgumentNullException.ThrowIfNull(affinity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        _ranked = Ranked(affinity);
        _top = top;
    }

    /// <summary>The top-N items not in <paramref name="bought"/>.</summary>
    public IReadOnlyList<Recommendation> Recommend(IReadOnlySet<string> bought)
    {
        ArgumentNullException.ThrowIfNull(bought);
        var result = new List<Recommendation>(_top);
        foreach (var (item, share) in _ranked)
        {
            if (result.Count == _top) break;
            if (!bought.Contains(item)) result.Add(new Recommendation(result.Count + 1, item, share, double.NaN, FromSegment: false));
        }
        return result;
    }

    /// <summary>Items by overall share of purchases, descending (ties by item id).</summary>
    internal static (string Item, double Share)[] Ranked(IReadOnlyList<AffinityRow> affinity) =>
        [.. affinity.GroupBy(a => a.Item, StringComparer.Ordinal).Select(g => (Item: g.Key, Share: g.First().OverallShare))
            .OrderByDescending(p => p.Share).ThenBy(p => p.Item, StringComparer.Ordinal)];
}
