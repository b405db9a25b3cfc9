namespace Segmenta.Core.Clv;

/// <summary>
/// Observed profit margin rates for profit CLV: a customer's rate is (revenue − cost) / revenue over the calibration
/// period. Customers with no cost recorded (NaN margin) or with revenue ≤ 0 get the population rate
/// Σ margin / Σ revenue over the customers that have both. Revenue CLV × rate = profit CLV (the margin-multiple form
/// of Fader, Hardie &amp; Lee 2005, JMR, eq. (2) with the margin taken per customer instead of one constant).
/// </summary>
public static class MarginRates
{
    /// <summary>Per-customer margin rates; null when no customer has a recorded cost (no cost column).</summary>
    /// <param name="revenue">Revenue per customer.</param>
    /// <param name="margin">Revenue − cost per customer, NaN when the customer has no recorded cost.</param>
    public static double[]? Observed(ReadOnlySpan<double> revenue, ReadOnlySpan<double> margin)
    {
        if (revenue.Length != margin.Length) throw new ArgumentException("revenue and margin must have one value per customer", nameof(margin));
        double sumRevenue = 0, sumMargin = 0;
        for (var i = 0; i < revenue.Length; i++)
        {
            if (double.IsNaN(margin[i]) || revenue[i] <= 0) continue;
            sumRevenue += revenue[i];
            sumMargin += margin[i];
        }
        if (sumRevenue <= 0) return null;
        var population = sumMargin / sumRevenue;
        var rates = new double[revenue.Length];
        for (var i = 0; i < rates.Length; i++)
            rates[i] = double.IsNaN(margin[i]) || revenue[i] <= 0 ? population : margin[i] / revenue[i];
        return rates;
    }
}
