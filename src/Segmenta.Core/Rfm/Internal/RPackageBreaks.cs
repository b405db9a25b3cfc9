using System.Globalization;
using Segmenta.Core.Numerics;

namespace Segmenta.Core.Rfm.Internal;

/// <summary>
/// The break points of the R package <c>rfm</c> (rsquaredacademy/rfm, <c>R/utils.R</c> <c>bins()</c>, used by
/// <c>rfm_prep_bins()</c> / <c>rfm_table_order()</c>), computed with the same IEEE double arithmetic as R so that
/// the comparisons come out identical:
/// <code>
/// quantile(x, probs = seq(0, 1, length.out = n + 1))   # type 7
///   |&gt; unname() |&gt; extract(c(-1, -(n + 1))) |&gt; add(1)
/// </code>
/// </summary>
internal static class RPackageBreaks
{
    /// <summary>The n − 1 breaks bₖ = Q₇(pₖ) + 1 for k = 1 … n − 1, as decimals that order exactly like R's doubles.</summary>
    public static decimal[] Compute(ValueHistogram histogram, int bins)
    {
        if (histogram.Count == 0)
            return [];
        var x = new OrderStatistics(histogram);
        var by = 1.0 / bins;                       // seq(0, 1, length.out = n + 1): from + (1:(n-1)) * ((to - from) / n)
        var breaks = new decimal[bins - 1];
        for (var k = 1; k < bins; k++)
        {
            var p = k * by;
            var index = 1 + ((x.Count - 1) * p);   // quantile.default, type 7
            var lo = Math.Floor(index);
            var hi = Math.Ceiling(index);
            var q = (double)x.At((long)lo);
            var xHi = (double)x.At((long)hi);
            if (index > lo && xHi != q)
            {
                var h = index - lo;
                q = ((1 - h) * q) + (h * xHi);
            }
            breaks[k - 1] = ToDecimal(q + 1);
        }
        return breaks;
    }

    /// <summary>
    /// The shortest decimal that round-trips to <paramref name="value"/>. That map is strictly increasing, so for
    /// data whose values are themselves shortest round-trip decimals (all money and counts) every comparison
    /// with the break gives what R's double comparison gives.
    /// </summary>
    private static decimal ToDecimal(double value) =>
        decimal.Parse(value.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
}
