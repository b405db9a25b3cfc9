namespace Segmenta.Core.Recommendations;

/// <summary>
/// Top-N recommendations per customer from the customer's segment: candidates are the segment's items with lift
/// &gt; <see cref="RecommendationOptions.MinLift"/> and at least <see cref="RecommendationOptions.MinSupport"/>
/// purchases in the segment, ranked by P(item | segment) (the segment share; ties by lift, then item id); items the
/// customer already bought are skipped; when fewer than N remain, the list is filled from overall popularity
/// (also skipping bought items). Ranking by share rather than by lift alone keeps rare items with a large lift on
/// a handful of purchases from crowding out what the segment really buys: the score P(item | segment) equals
/// lift × overall share, so high-lift items rise above equally popular ones, and with
/// <see cref="RecommendationOptions.MinLift"/> = 1 only items the segment over-buys are candidates.
/// </summary>
public sealed class SegmentRecommender
{
    private readonly Dictionary<string, AffinityRow[]> _candidates;
    private readonly (string Item, double Share)[] _popular;
    private readonly RecommendationOptions _options;

    private SegmentRecommender(Dictionary<string, AffinityRow[]> candidates, (string, double)[] popular, RecommendationOptions options)
    {
        _candidates = candidates;
        _popular = popular;
        _options = options;
    }

    /// <summary>Builds the per-segment candidate lists from the affinity table.</summary>
    public static SegmentRecommender Build(IReadOnlyList<AffinityRow> affinity, RecommendationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(affinity);
        options ??= new RecommendationOptions();
        var candidates = affinity
            .Where(a => a.Lift > options.MinLift && a.SegmentPurchases >= options.MinSupport)
            .GroupBy(a => a.Segment, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.SegmentShare).ThenByDescending(a => a.Lift).ThenBy(a => a.Item, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        return new SegmentRecommender(candidates, PopularityRecommender.Ranked(affinity), options);
    }

    /// <summary>The top-N items for a customer of <paramref name="segment"/> who already bought <paramref name="bought"/>.</summary>
    public IReadOnlyList<Recommendation> Recommend(string segment, IReadOnlySet<string> bought)
    {
        ArgumentNullException.ThrowIfNull(bought);
        var result = new List<Recommendation>(_options.Top);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        if (_candidates.TryGetValue(segment, out var candidates))
        {
            foreach (var a in candidates)
            {
                if (result.Count == _options.Top) return result;
                if (bought.Contains(a.Item)) continue;
                taken.Add(a.Item);
                result.Add(new Recommendation(result.Count + 1, a.Item, a.SegmentShare, a.Lift, FromSegment: true));
            }
        }
        foreach (var (item, share) in _popular)
        {
            if (result.Count == _options.Top) break;
            if (bought.Contains(item) || !taken.Add(item)) continue;
            result.Add(new Recommendation(result.Count + 1, item, share, double.NaN, FromSegment: false));
        }
        return result;
    }
}
