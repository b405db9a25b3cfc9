namespace Segmenta.Core.Recommendations;

/// <summary>Hit rate @N of recommendations against what customers bought in a holdout period.</summary>
/// <param name="Customers">Customers evaluated: those who bought at least one item in the holdout that they had not bought before.</param>
/// <param name="Hits">Of those, customers who bought at least one of their recommended items.</param>
public sealed record HitRate(int Customers, int Hits)
{
    /// <summary>Hits ÷ Customers (NaN when nobody is evaluated).</summary>
    public double Rate => Customers == 0 ? double.NaN : (double)Hits / Customers;

    /// <summary>
    /// Counts, over the customers with new holdout items, those whose recommendations contain at least one of them.
    /// Customers with no new item in the holdout cannot be hit by any recommender and are left out (so the rate of
    /// two recommenders is compared on the same customers); a customer without recommendations counts as a miss.
    /// </summary>
    /// <param name="recommended">Recommended items per customer.</param>
    /// <param name="newInHoldout">Items each customer bought in the holdout and had not bought before.</param>
    public static HitRate Compute(IReadOnlyDictionary<string, IReadOnlyList<string>> recommended, IReadOnlyDictionary<string, IReadOnlySet<string>> newInHoldout)
    {
        ArgumentNullException.ThrowIfNull(recommended);
        ArgumentNullException.ThrowIfNull(newInHoldout);
        int customers = 0, hits = 0;
        foreach (var (customer, items) in newInHoldout)
        {
            if (items.Count == 0) continue;
            customers++;
            if (recommended.TryGetValue(customer, out var recs) && recs.Any(items.Contains)) hits++;
        }
        return new HitRate(customers, hits);
    }
}
