namespace Segmenta.Core.Propensity;

/// <summary>
/// Every customer's behaviour as of one date (features of the customers who bought on or before it), read
/// without touching the run's feature table. All arrays are in the order of <see cref="CustomerIds"/>.
/// </summary>
/// <param name="AsOf">The last day included.</param>
/// <param name="CustomerIds">Customer ids.</param>
/// <param name="RecencyDays">Days from the last purchase to the as-of date.</param>
/// <param name="TenureDays">Days from the first purchase to the as-of date (T).</param>
/// <param name="FirstToLastDays">Days from the first to the last purchase (tₓ).</param>
/// <param name="Frequency">Repeat purchase days (x).</param>
/// <param name="Orders">Orders.</param>
/// <param name="MonetaryTotal">Total spend (returns netted).</param>
/// <param name="RepeatMonetaryMean">Mean spend per repeat purchase day (NaN without repeat purchases).</param>
public sealed record CustomerSnapshot(
    DateOnly AsOf,
    IReadOnlyList<string> CustomerIds,
    double[] RecencyDays,
    double[] TenureDays,
    double[] FirstToLastDays,
    double[] Frequency,
    double[] Orders,
    double[] MonetaryTotal,
    double[] RepeatMonetaryMean)
{
    /// <summary>Number of customers.</summary>
    public int Count => CustomerIds.Count;
}
