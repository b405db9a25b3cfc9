namespace Segmenta.Core.Clv;

/// <summary>
/// One customer's purchase history in the form the customer-base models need, in one <see cref="TimeUnit"/>.
/// </summary>
/// <param name="Frequency">Repeat transactions (x): purchases after the first one, ≥ 0.</param>
/// <param name="Recency">Time of the last repeat purchase measured from the first purchase (tₓ), 0 when x = 0; 0 ≤ tₓ ≤ T.</param>
/// <param name="T">Age (T): time from the first purchase to the end of the calibration period.</param>
/// <param name="Weight">How many identical customers this row stands for (1 for a single customer), &gt; 0.</param>
public readonly record struct CustomerHistory(double Frequency, double Recency, double T, double Weight = 1.0);
