namespace Segmenta.Core.Clv;

/// <summary>A repeat buyer's spend summary for the Gamma-Gamma model.</summary>
/// <param name="Frequency">Repeat transactions x the mean is taken over, ≥ 1.</param>
/// <param name="MeanSpend">Mean spend per repeat transaction (m̄ₓ), &gt; 0. Money becomes double here, once.</param>
/// <param name="Weight">How many identical customers this row stands for, &gt; 0.</param>
public readonly record struct SpendHistory(double Frequency, double MeanSpend, double Weight = 1.0);
