namespace Segmenta.Core.Abc;

/// <summary>The smallest value of class A and of class B (see <see cref="AbcScheme"/>); null when that class is empty.</summary>
/// <param name="AMinValue">t_A: values ≥ it are A.</param>
/// <param name="BMinValue">t_B: values ≥ it (and below t_A) are B.</param>
public sealed record AbcThresholds(decimal? AMinValue, decimal? BMinValue);
