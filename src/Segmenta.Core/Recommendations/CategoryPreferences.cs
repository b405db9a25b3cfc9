namespace Segmenta.Core.Recommendations;

/// <summary>Per customer, the category mix and the preference type (dominant category when its share ≥ 0.6, else mixed).</summary>
public static class CategoryPreferences
{
    /// <summary>Builds one preference per customer from (customer, category, purchases) counts in any order.</summary>
    public static IReadOnlyList<CustomerPreference> Compute(IEnumerable<(string Customer, string Category, long Purchases)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return
        [
            .. counts.Where(c => c.Purchases > 0).GroupBy(c => c.Customer, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var total = g.Sum(c => c.Purchases);
                var mix = g.Select(c => (c.Category, Share: (double)c.Purchases / total))
                    .OrderByDescending(c => c.Share).ThenBy(c => c.Category, StringComparer.Ordinal).ToList();
                return new CustomerPreference(g.Key, total, mix[0].Category, mix[0].Share, mix);
            }),
        ];
    }
}
