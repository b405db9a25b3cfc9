namespace Segmenta.Core.Recommendations;

/// <summary>Item-to-item co-purchase: which products the same customers buy.</summary>
public static class CoPurchase
{
    /// <summary>
    /// Scores co-occurrence counts (customers who bought both x and y, counted in the engine) by cosine similarity
    /// n_xy / √(n_x n_y) — the item-to-item similarity of Linden, Smith &amp; York (2003), "Amazon.com
    /// Recommendations: Item-to-Item Collaborative Filtering", IEEE Internet Computing 7(1) — and lift
    /// n_xy · N / (n_x n_y) (Brin et al. 1997). Keeps, per item, the <paramref name="top"/> companions by cosine
    /// (ties by count, then id) that at least <paramref name="minBoth"/> customers bought together with it.
    /// </summary>
    /// <param name="pairs">(x, y, customers who bought both), both orders present or not: each unordered pair is used in both directions.</param>
    /// <param name="buyers">Customers who bought each item.</param>
    /// <param name="customers">All customers with at least one item (N).</param>
    /// <param name="top">Companions per item.</param>
    /// <param name="minBoth">Minimum customers in common.</param>
    public static IReadOnlyList<AlsoBought> Score(
        IEnumerable<(string X, string Y, long Both)> pairs, IReadOnlyDictionary<string, long> buyers, long customers, int top = 5, int minBoth = 2)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(buyers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var byItem = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (var (x, y, both) in pairs)
        {
            if (both < minBoth || x == y) continue;
            Add(x, y, both);
            Add(y, x, both);
        }
        var result = new List<AlsoBought>();
        foreach (var (item, companions) in byItem.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var nx = buyers[item];
            var rank = 0;
            foreach (var (other, both) in companions
                .Select(c => (Other: c.Key, Both: c.Value, Cosine: c.Value / Math.Sqrt((double)nx * buyers[c.Key])))
                .OrderByDescending(c => c.Cosine).ThenByDescending(c => c.Both).ThenBy(c => c.Other, StringComparer.Ordinal)
                .Take(top).Select(c => (c.Other, c.Both)))
            {
                var ny = buyers[other];
                result.Add(new AlsoBought(item, ++rank, other, both, both / Math.Sqrt((double)nx * ny), (double)both * customers / ((double)nx * ny)));
            }
        }
        return result;

        void Add(string a, string b, long both)
        {
            if (!byItem.TryGetValue(a, out var map)) byItem[a] = map = new Dictionary<string, long>(StringComparer.Ordinal);
            map[b] = both; // the engine gives each unordered pair once or both ways with the same count
        }
    }
}
