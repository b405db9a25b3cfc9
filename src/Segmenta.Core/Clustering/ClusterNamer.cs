using Segmenta.Core.Customers;
using Segmenta.Core.Schemes;

namespace Segmenta.Core.Clustering;

/// <summary>
/// Generates a bilingual name for each cluster from its most distinctive features, e.g.
/// "高价值 · 高频 · 近期活跃" / "high value · frequent · recent".
/// </summary>
/// <remarks>
/// Rules: a feature is distinctive when the cluster's mean z-score on it (transformed scale) is at least
/// <see cref="DistinctiveZ"/> = 0.5 in absolute value; it contributes its "high" word when z &gt; 0 and its "low"
/// word when z &lt; 0 (for recency_days a high value means a long time since the last purchase, so the words are
/// "久未购买 / lapsed" and "近期活跃 / recent"). At most <see cref="MaxWords"/> = 3 words, most distinctive first
/// (largest |z|, then feature order). A cluster with no distinctive feature is "普通 / average". When two clusters
/// get the same name, both take further words (largest |z| first, any size) until they differ; if every feature
/// is exhausted, " 2", " 3" … are appended in cluster order. Names are therefore unique within a run.
/// </remarks>
public static class ClusterNamer
{
    /// <summary>|z| at which a feature names a cluster.</summary>
    public const double DistinctiveZ = 0.5;

    /// <summary>Most words in a name (before disambiguation).</summary>
    public const int MaxWords = 3;

    private static readonly Dictionary<string, (LocalizedText High, LocalizedText Low)> Words = new(StringComparer.Ordinal)
    {
        [FeatureNames.MonetaryTotal] = (new("高价值", "high value"), new("低价值", "low value")),
        [FeatureNames.Orders] = (new("高频", "frequent"), new("低频", "infrequent")),
        [FeatureNames.PurchaseDays] = (new("高频", "frequent"), new("低频", "infrequent")),
        [FeatureNames.Frequency] = (new("复购多", "many repeats"), new("复购少", "few repeats")),
        [FeatureNames.RecencyDays] = (new("久未购买", "lapsed"), new("近期活跃", "recent")),
        [FeatureNames.TenureDays] = (new("老客户", "long-standing"), new("新客户", "new")),
        [FeatureNames.FirstToLastDays] = (new("长期复购", "long repeat span"), new("复购跨度短", "short repeat span")),
        [FeatureNames.MonetaryMean] = (new("高客单价", "big baskets"), new("低客单价", "small baskets")),
        [FeatureNames.RepeatMonetaryMean] = (new("复购客单价高", "big repeat baskets"), new("复购客单价低", "small repeat baskets")),
        [FeatureNames.MeanGapDays] = (new("购买间隔长", "long gaps"), new("购买间隔短", "short gaps")),
        [FeatureNames.DistinctProducts] = (new("品类广", "broad range"), new("品类窄", "narrow range")),
        [FeatureNames.Margin] = (new("高毛利", "high margin"), new("低毛利", "low margin")),
        ["p_alive"] = (new("很可能仍活跃", "likely alive"), new("可能已流失", "likely lost")),
        ["clv_12m"] = (new("高 CLV", "high CLV"), new("低 CLV", "low CLV")),
    };

    /// <summary>One unique name per cluster from its mean z-score per feature.</summary>
    /// <param name="features">Feature names, in the order of each z-score list.</param>
    /// <param name="zScores">Per cluster, the mean z-score of each feature.</param>
    public static IReadOnlyList<LocalizedText> Name(IReadOnlyList<string> features, IReadOnlyList<IReadOnlyList<double>> zScores)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(zScores);
        var k = zScores.Count;
        var ranked = zScores.Select(z => Enumerable.Range(0, features.Count)
            .Where(j => z[j] != 0 && double.IsFinite(z[j]))
            .OrderByDescending(j => Math.Abs(z[j])).ThenBy(j => j).ToList()).ToList();
        var wordCount = new int[k];
        for (var c = 0; c < k; c++) wordCount[c] = Math.Min(MaxWords, ranked[c].Count(j => Math.Abs(zScores[c][j]) >= DistinctiveZ));
        string[] Keys() => [.. Enumerable.Range(0, k).Select(c => Compose(features, zScores[c], ranked[c], wordCount[c]).En)];
        // Lengthen clashing names one word at a time while any can still grow.
        while (true)
        {
            var keys = Keys();
            var grew = false;
            foreach (var group in Enumerable.Range(0, k).GroupBy(c => keys[c], StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                foreach (var c in group)
                {
                    if (wordCount[c] < ranked[c].Count)
                    {
                        wordCount[c]++;
                        grew = true;
                    }
                }
            }
            if (!grew) break;
        }
        var names = Enumerable.Range(0, k).Select(c => Compose(features, zScores[c], ranked[c], wordCount[c])).ToArray();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < k; c++)
        {
            var n = seen[names[c].En] = seen.GetValueOrDefault(names[c].En) + 1;
            if (n > 1) names[c] = new LocalizedText($"{names[c].ZhCn} {n}", $"{names[c].En} {n}");
        }
        return names;
    }

    private static LocalizedText Compose(IReadOnlyList<string> features, IReadOnlyList<double> z, List<int> ranked, int words)
    {
        if (words == 0) return new LocalizedText("普通", "average");
        var parts = ranked.Take(words).Select(j => Word(features[j], z[j] > 0)).ToList();
        return new LocalizedText(string.Join(" · ", parts.Select(p => p.ZhCn)), string.Join(" · ", parts.Select(p => p.En)));
    }

    private static LocalizedText Word(string feature, bool high)
    {
        if (Words.TryGetValue(feature, out var w)) return high ? w.High : w.Low;
        var label = FeatureLabels.For(feature);
        return high ? new LocalizedText(label.ZhCn + "高", "high " + label.En) : new LocalizedText(label.ZhCn + "低", "low " + label.En);
    }
}
