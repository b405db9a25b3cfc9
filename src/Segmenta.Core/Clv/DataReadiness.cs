using System.Globalization;

namespace Segmenta.Core.Clv;

/// <summary>
/// Checks whether data can support the customer-base models before fitting, returning every warning (empty = ready).
/// </summary>
public static class DataReadiness
{
    /// <summary>
    /// Warns when there are too few repeat buyers (count or share), when the forecast horizon is longer than the
    /// longest observed history (in the same time unit), and, given spend rows, when frequency and mean spend are
    /// correlated (the Gamma-Gamma model assumes they are independent: Fader &amp; Hardie 2013, §3).
    /// </summary>
    /// <param name="cells">Compressed histories.</param>
    /// <param name="horizon">Forecast horizon t in the unit of the histories (0 to skip the check).</param>
    /// <param name="spend">Repeat buyers' spend rows (empty to skip the spend checks).</param>
    /// <param name="options">Thresholds (defaults when null).</param>
    public static IReadOnlyList<ReadinessWarning> Check(HistoryCells cells, double horizon, ReadOnlySpan<SpendHistory> spend, ReadinessOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        options ??= new ReadinessOptions();
        var inv = CultureInfo.InvariantCulture;
        var warnings = new List<ReadinessWarning>();
        var share = cells.NumberOfCustomers > 0 ? cells.RepeatBuyers / cells.NumberOfCustomers : 0;
        if (cells.RepeatBuyers < options.MinRepeatBuyers || share < options.MinRepeatShare)
        {
            warnings.Add(new ReadinessWarning("few_repeat_buyers", string.Create(inv,
                $"Only {cells.RepeatBuyers} of {cells.NumberOfCustomers} customers ({share:P1}) made a repeat purchase (need >= {options.MinRepeatBuyers} and >= {options.MinRepeatShare:P0}); estimates will be unstable. Use a longer calibration period or more customers.")));
        }
        if (horizon > 0 && horizon > options.MaxHorizonRatio * cells.MaxT)
        {
            warnings.Add(new ReadinessWarning("horizon_beyond_history", string.Create(inv,
                $"The horizon {horizon} is longer than {options.MaxHorizonRatio} x the longest observed history ({cells.MaxT}); the forecast extrapolates. Shorten the horizon or check that horizon and histories use the same time unit.")));
        }
        if (!spend.IsEmpty)
        {
            if (spend.Length < options.MinRepeatBuyers)
            {
                warnings.Add(new ReadinessWarning("few_spend_customers", string.Create(inv,
                    $"Only {spend.Length} customers have repeat spend; the Gamma-Gamma estimates will be unstable.")));
            }
            var rho = Correlation(spend);
            if (Math.Abs(rho) > options.MaxSpendCorrelation)
            {
                warnings.Add(new ReadinessWarning("spend_correlated_with_frequency", string.Create(inv,
                    $"Frequency and mean spend are correlated (Pearson {rho:F2}, limit {options.MaxSpendCorrelation:F2}); the Gamma-Gamma model assumes independence, so CLV will be biased. Consider segmenting customers first.")));
            }
        }
        return warnings;
    }

    /// <summary>Weighted Pearson correlation between x and m̄ (0 when either is constant).</summary>
    internal static double Correlation(ReadOnlySpan<SpendHistory> spend)
    {
        double w = 0, mx = 0, mm = 0;
        foreach (var s in spend) { w += s.Weight; mx += s.Weight * s.Frequency; mm += s.Weight * s.MeanSpend; }
        mx /= w; mm /= w;
        double sxx = 0, smm = 0, sxm = 0;
        foreach (var s in spend)
        {
            double dx = s.Frequency - mx, dm = s.MeanSpend - mm;
            sxx += s.Weight * dx * dx; smm += s.Weight * dm * dm; sxm += s.Weight * dx * dm;
        }
        return sxx > 0 && smm > 0 ? sxm / Math.Sqrt(sxx * smm) : 0;
    }
}
