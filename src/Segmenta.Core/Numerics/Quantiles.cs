namespace Segmenta.Core.Numerics;

/// <summary>
/// Quantiles and means of a feature, computed exactly (in <see cref="decimal"/>) from its
/// <see cref="ValueHistogram"/>: order statistics are found by binary search over cumulative counts, so the
/// cost is O(D) for D distinct values however many customers share them (3 M customers with 1 M distinct
/// values take one pass over the 1 M).
/// </summary>
/// <remarks>
/// The probability is given as a <see cref="double"/> and converted once with the explicit
/// <see cref="decimal"/> conversion (15 significant digits), so 0.2 means exactly 2/10 and
/// 3 × 0.2 = 0.6000000000000001 means 0.6. All interpolation is then exact decimal arithmetic.
/// </remarks>
public static class Quantiles
{
    /// <summary>The p-quantile of the non-null values of <paramref name="histogram"/> under <paramref name="definition"/>.</summary>
    /// <param name="histogram">The distribution; must hold at least one non-null value.</param>
    /// <param name="p">Probability in [0, 1].</param>
    /// <param name="definition">Sample quantile definition (default R type 7, linear interpolation).</param>
    /// <exception cref="ArgumentException">The histogram has no non-null value.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or outside [0, 1].</exception>
    public static decimal Compute(ValueHistogram histogram, double p, QuantileDefinition definition = QuantileDefinition.Linear)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return Compute(histogram, [p], definition)[0];
    }

    /// <summary>Several quantiles of the same histogram, sharing one pass over it.</summary>
    /// <param name="histogram">The distribution; must hold at least one non-null value.</param>
    /// <param name="probabilities">Probabilities in [0, 1], in any order.</param>
    /// <param name="definition">Sample quantile definition.</param>
    /// <returns>The quantiles, in the order of <paramref name="probabilities"/>.</returns>
    public static IReadOnlyList<decimal> Compute(
        ValueHistogram histogram, IReadOnlyList<double> probabilities, QuantileDefinition definition = QuantileDefinition.Linear)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (histogram.Count == 0)
            throw new ArgumentException("The histogram has no non-null value; a quantile is undefined.", nameof(histogram));
        var order = new OrderStatistics(histogram);
        var result = new decimal[probabilities.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var p = probabilities[i];
            if (double.IsNaN(p) || p < 0 || p > 1)
                throw new ArgumentOutOfRangeException(nameof(probabilities), p, "A probability must lie in [0, 1].");
            result[i] = Compute(order, (decimal)p, definition);
        }
        return result;
    }

    /// <summary>The arithmetic mean Σ vᵢ·cᵢ / N of the non-null values, in exact decimal arithmetic; null when there is none.</summary>
    /// <exception cref="OverflowException">The sum exceeds the decimal range (about 7.9·10²⁸).</exception>
    public static decimal? Mean(ValueHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.Count == 0)
            return null;
        var sum = 0m;
        for (var i = 0; i < histogram.Values.Count; i++)
            sum += histogram.Values[i] * histogram.Counts[i];
        return sum / histogram.Count;
    }

    private static decimal Compute(OrderStatistics x, decimal p, QuantileDefinition definition)
    {
        var n = x.Count;
        switch (definition)
        {
            case QuantileDefinition.Linear:
                return Interpolate(x, ((n - 1) * p) + 1);
            case QuantileDefinition.Weibull:
                return Interpolate(x, (n + 1) * p);
            case QuantileDefinition.InverseCdf:
                return x.At(Math.Clamp((long)decimal.Ceiling(n * p), 1, n));
            case QuantileDefinition.NearestEven:
                {
                    var np = (n * p) - 0.5m;
                    var j = (long)decimal.Floor(np);
                    var k = np == j && j % 2 == 0 ? j : j + 1;
                    return x.At(Math.Clamp(k, 1, n));
                }
            default:
                throw new ArgumentOutOfRangeException(nameof(definition), definition, "Unknown quantile definition.");
        }
    }

    /// <summary>x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), clamped to the minimum below h = 1 and the maximum from h = N.</summary>
    private static decimal Interpolate(OrderStatistics x, decimal h)
    {
        if (h <= 1)
            return x.At(1);
        if (h >= x.Count)
            return x.At(x.Count);
        var lo = (long)decimal.Floor(h);
        var g = h - lo;
        var low = x.At(lo);
        if (g == 0)
            return low;
        var high = x.At(lo + 1);
        return low == high ? low : low + (g * (high - low));
    }
}
