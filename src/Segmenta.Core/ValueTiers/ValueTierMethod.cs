namespace Segmenta.Core.ValueTiers;

/// <summary>How the value-tier thresholds are set.</summary>
public enum ValueTierMethod
{
    /// <summary>From quantiles of the population: the top <see cref="ValueTierOptions.HighShare"/> are high, the next <see cref="ValueTierOptions.MidShare"/> mid.</summary>
    Quantile = 0,

    /// <summary>From fixed values: <see cref="ValueTierOptions.HighThreshold"/> and <see cref="ValueTierOptions.MidThreshold"/>.</summary>
    Fixed = 1,
}
