namespace Segmenta.Core.Pipelines;

/// <summary>Per-customer BTYD inputs in days, as read back from the feature table (one row per customer, same order in every array).</summary>
/// <param name="CustomerIds">Customer ids.</param>
/// <param name="Frequency">Repeat purchase days x.</param>
/// <param name="FirstToLastDays">tₓ in days.</param>
/// <param name="TenureDays">T in days.</param>
/// <param name="RepeatMonetaryMean">Mean spend per repeat purchase day (NaN when x = 0).</param>
public sealed record CustomerHistories(
    IReadOnlyList<string> CustomerIds,
    double[] Frequency,
    double[] FirstToLastDays,
    double[] TenureDays,
    double[] RepeatMonetaryMean)
{
    /// <summary>Revenue (monetary_total) per customer; null when not read.</summary>
    public double[]? Revenue { get; init; }

    /// <summary>Gross margin per customer (NaN when unknown); null when the feature table has no gross_margin.</summary>
    public double[]? GrossMargin { get; init; }

    /// <summary>Interaction costs of the last 90 days per customer (contact_cost_90d); null when no interactions were imported.</summary>
    public double[]? ContactCost90d { get; init; }
}
