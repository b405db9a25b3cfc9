namespace Segmenta.Core.Clv;

/// <summary>Result of a likelihood-ratio test of a restricted model nested in a fuller one.</summary>
/// <param name="Statistic">D = 2 (LL_full − LL_restricted), ≥ 0 up to optimiser noise.</param>
/// <param name="DegreesOfFreedom">k_full − k_restricted.</param>
/// <param name="PValue">P(χ²(df) ≥ D): small values reject the restricted model.</param>
public sealed record LikelihoodRatioTest(double Statistic, int DegreesOfFreedom, double PValue);
