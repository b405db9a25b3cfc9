using System.Globalization;
using Segmenta.Core.Recommendations;

namespace Segmenta.Data.Recommendations;

/// <summary>Why an item is recommended, in the run's language.</summary>
internal static class RecommendationReasons
{
    public static string For(Recommendation r, string segmentLabel, string language)
    {
        var zh = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        if (r.FromSegment && r.Lift <= 1)
        {
            return zh
                ? string.Create(CultureInfo.InvariantCulture, $"「{segmentLabel}」客户常买（占其购买的 {r.Score:P1}），您尚未购买")
                : string.Create(CultureInfo.InvariantCulture, $"bought often in {segmentLabel} ({r.Score:P1} of its purchases); not bought yet");
        }
        if (r.FromSegment)
        {
            return zh
                ? string.Create(CultureInfo.InvariantCulture, $"「{segmentLabel}」客户的购买中占 {r.Score:P1}，是整体占比的 {r.Lift:F1} 倍，您尚未购买")
                : string.Create(CultureInfo.InvariantCulture, $"{r.Score:P1} of {segmentLabel} purchases, {r.Lift:F1}x its overall share; not bought yet");
        }
        return zh
            ? string.Create(CultureInfo.InvariantCulture, $"整体热销（占全部购买的 {r.Score:P1}），您尚未购买")
            : string.Create(CultureInfo.InvariantCulture, $"popular overall ({r.Score:P1} of all purchases); not bought yet");
    }
}
