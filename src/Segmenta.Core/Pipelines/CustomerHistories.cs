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
    double[] RepeatMonetaryMean);
