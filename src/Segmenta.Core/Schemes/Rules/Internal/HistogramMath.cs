using Segmenta.Core.Numerics;

namespace Segmenta.Core.Schemes.Rules.Internal;

/// <summary>
/// Population statistics over a <see cref="ValueHistogram"/>, in exact <see cref="decimal"/> arithmetic so every
/// engine gets the same cut points. Callers ensure the histogram is not empty.
/// </summary>
/// <remarks>Kept internal to the rules; Numerics/Quantiles is the general home for quantile methods.</remarks>
internal static class HistogramMath
{
    /// <summary>Mean = Σ vᵢ·cᵢ / Σ cᵢ over the non-null values.</summary>
    public static decimal Mean(ValueHistogram histogram)
    {
        var sum = 0m;
        for (var i = 0; i < histogram.Values.Count; i++) sum += histogram.Values[i] * histogram.Counts[i];
        return sum / histogram.Count;
    }

    /// <summary>
    /// Quantile p by linear interpolation between order statistics (Hyndman &amp; Fan 1996, type 7; R's default,
    /// Excel's PERCENTILE.INC): with sorted values x₀ … xₙ₋₁, h = (n − 1)·p, Q = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋).
    /// </summary>
    /// <param name="histogram">Non-empty histogram.</param>
    /// <param name="p">Probability in [0, 1].</param>
    public static decimal Quantile(ValueHistogram histogram, decimal p)
    {
        var h = (histogram.Count - 1) * p;
        var lower = (long)decimal.Floor(h);
        var fraction = h - lower;
        var low = ValueAtRank(histogram, lower);
        if (fraction == 0m) return low;
        var high = ValueAtRank(histogram, Math.Min(lower + 1, histogram.Count - 1));
        return low + (fraction * (high - low));
    }

    /// <summary>
    /// Pareto threshold: with customers sorted by value descending, the value of the first customer at which
    /// the running total of positive values reaches share × (total of positive values). All customers with that
    /// value or more are "in the top share" (ties included, so they may hold more than the share).
    /// Null when there is no positive value.
    /// </summary>
    public static decimal? TopShareThreshold(ValueHistogram histogram, decimal share)
    {
        var total = 0m;
        for (var i = 0; i < histogram.Values.Count; i++)
            if (histogram.Values[i] > 0m) total += histogram.Values[i] * histogram.Counts[i];
        if (total == 0m) return null;
        var target = share * total;
        var running = 0m;
        for (var i = histogram.Values.Count - 1; i >= 0 && histogram.Values[i] > 0m; i--)
        {
            running += histogram.Values[i] * histogram.Counts[i];
            if (running >= target) return histogram.Values[i];
        }
        return SmallestPositive(histogram);
    }

    private static decimal SmallestPositive(ValueHistogram histogram)
    {
        foreach (var value in histogram.Values)
            if (value > 0m) return value;
        throw new InvalidOperationException("no positive value");
    }

    /// <summary>The value of the customer at 0-based rank <paramref name="rank"/> in ascending order.</summary>
    private static decimal ValueAtRank(ValueHistogram histogram, long rank)
    {
        long seen = 0;
        for (var i = 0; i < histogram.Values.Count; i++)
        {
            seen += histogram.Counts[i];
            if (rank < seen) return histogram.Values[i];
        }
        return histogram.Values[^1];
    }
}
