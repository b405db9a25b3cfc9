namespace Segmenta.Core.Clv.Validation;

/// <summary>One row of the conditional-expectations table: customers with calibration frequency x (or x and more).</summary>
/// <param name="Frequency">Calibration repeat purchases x; the last bin holds every customer with x ≥ <paramref name="Frequency"/>.</param>
/// <param name="IsOpenEnded">Whether this is the "x+" bin.</param>
/// <param name="Customers">Customers (sum of weights) in the bin.</param>
/// <param name="MeanPredicted">Mean predicted holdout purchases per customer (NaN for an empty bin).</param>
/// <param name="MeanActual">Mean actual holdout purchases per customer (NaN for an empty bin).</param>
public sealed record FrequencyBin(int Frequency, bool IsOpenEnded, double Customers, double MeanPredicted, double MeanActual)
{
    /// <summary>The bin label: "3" or "7+".</summary>
    public string Label => IsOpenEnded ? $"{Frequency}+" : Frequency.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
