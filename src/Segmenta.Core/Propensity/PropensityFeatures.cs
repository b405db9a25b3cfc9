namespace Segmenta.Core.Propensity;

/// <summary>
/// The model inputs computed from a <see cref="CustomerSnapshot"/>, the same for every learner. Money is skewed,
/// so it enters as log1p (of max(0, value): netted returns can make it negative); recency also enters relative to
/// tenure, so a model can tell "quiet for 90 days after two years" from "quiet for 90 days after 90 days".
/// </summary>
public static class PropensityFeatures
{
    /// <summary>The feature names, in column order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "recency_days",          // days since the last purchase
        "tenure_days",           // days since the first purchase (T)
        "frequency",             // repeat purchase days (x)
        "log1p_orders",          // ln(1 + orders)
        "log1p_monetary_total",  // ln(1 + max(0, total spend))
        "log1p_monetary_mean",   // ln(1 + max(0, total spend / orders))
        "recency_share",         // recency / tenure (1 for one-time buyers; 0 when tenure is 0)
    ];

    /// <summary>Builds the matrix, one row per snapshot customer, in the snapshot's order.</summary>
    public static FeatureMatrix Build(CustomerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var k = Names.Count;
        var values = new double[checked(snapshot.Count * k)];
        for (var i = 0; i < snapshot.Count; i++)
        {
            var o = i * k;
            var orders = Math.Max(1, snapshot.Orders[i]);
            var total = Math.Max(0, snapshot.MonetaryTotal[i]);
            values[o] = snapshot.RecencyDays[i];
            values[o + 1] = snapshot.TenureDays[i];
            values[o + 2] = snapshot.Frequency[i];
            values[o + 3] = Math.Log(1 + orders);
            values[o + 4] = Math.Log(1 + total);
            values[o + 5] = Math.Log(1 + (total / orders));
            values[o + 6] = snapshot.TenureDays[i] > 0 ? snapshot.RecencyDays[i] / snapshot.TenureDays[i] : 0;
        }
        return new FeatureMatrix(Names, values);
    }
}
