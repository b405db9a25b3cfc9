using Segmenta.Core.Clv;

namespace Segmenta.Data.Models;

/// <summary>Per-customer model inputs in the model's time unit: histories, mean repeat spend, and ids when known.</summary>
/// <param name="CustomerIds">Customer ids (null for summary files without ids).</param>
/// <param name="Histories">(x, tₓ, T, weight) per customer.</param>
/// <param name="MeanSpend">Mean repeat spend per customer (NaN when there is no repeat purchase or no spend column).</param>
public sealed record CalibrationData(IReadOnlyList<string>? CustomerIds, CustomerHistory[] Histories, double[] MeanSpend)
{
    /// <summary>Last day of the calibration period (the features' as-of date); null for summary files.</summary>
    public DateOnly? CalibrationEnd { get; init; }

    /// <summary>Observed margin rate per customer when the transactions carry a cost (see <see cref="MarginRates"/>); else null.</summary>
    public double[]? MarginRate { get; init; }

    /// <summary>Repeat buyers with a positive mean spend: the Gamma-Gamma input (returns can make it ≤ 0; those are left out and counted).</summary>
    public SpendHistory[] SpendHistories() =>
        [.. Histories.Select((h, i) => (h, i)).Where(p => p.h.Frequency > 0 && MeanSpend[p.i] > 0)
            .Select(p => new SpendHistory(p.h.Frequency, MeanSpend[p.i], p.h.Weight))];
}
