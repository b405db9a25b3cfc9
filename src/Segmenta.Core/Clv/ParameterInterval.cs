namespace Segmenta.Core.Clv;

/// <summary>A confidence interval for one parameter.</summary>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
public readonly record struct ParameterInterval(double Lower, double Upper);
