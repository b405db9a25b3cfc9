namespace Segmenta.Core.Campaigns;

/// <summary>Draws a seeded random control (holdout) group from a campaign's target list.</summary>
/// <remarks>
/// Within each stratum (segment, or one stratum when none is given) customers are sorted by id (ordinal), shuffled with
/// a Fisher–Yates shuffle driven by <c>new Random(seed)</c> (a fixed algorithm for a given seed), and the first
/// round(n × share) (half to even) become control. Same ids, strata, share and seed give the same group on every run.
/// </remarks>
public static class Holdout
{
    /// <summary>The control customers, sorted by id.</summary>
    /// <param name="customers">Target list: customer id → stratum (segment); use one value for no stratification.</param>
    /// <param name="share">Share held out, in (0, 1).</param>
    /// <param name="seed">Random seed.</param>
    public static IReadOnlyList<string> Draw(IReadOnlyDictionary<string, string> customers, double share, int seed)
    {
        ArgumentNullException.ThrowIfNull(customers);
        if (share is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(share), share, "The holdout share lies strictly between 0 and 1, e.g. 0.1.");
#pragma warning disable CA5394 // Not security: a reproducible experimental assignment needs a seeded generator.
        var random = new Random(seed);
        var control = new List<string>();
        foreach (var stratum in customers.GroupBy(p => p.Value, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ids = stratum.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
            for (var i = ids.Length - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (ids[i], ids[j]) = (ids[j], ids[i]);
            }
#pragma warning restore CA5394
            var take = (int)Math.Round(ids.Length * share, MidpointRounding.ToEven);
            control.AddRange(ids.Take(take));
        }
        control.Sort(StringComparer.Ordinal);
        return control;
    }
}
