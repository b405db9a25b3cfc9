namespace Segmenta.Core.Clv;

/// <summary>Thresholds of <see cref="DataReadiness.Check"/>; defaults are the named constants.</summary>
public sealed record ReadinessOptions
{
    /// <summary>Default minimum number of repeat buyers: 100.</summary>
    public const double DefaultMinRepeatBuyers = 100;

    /// <summary>Default minimum share of repeat buyers among all customers: 5%.</summary>
    public const double DefaultMinRepeatShare = 0.05;

    /// <summary>Default largest horizon as a multiple of the longest observed history T: 1.</summary>
    public const double DefaultMaxHorizonRatio = 1.0;

    /// <summary>Default largest |Pearson correlation| between frequency and mean spend for Gamma-Gamma: 0.3.</summary>
    public const double DefaultMaxSpendCorrelation = 0.3;

    /// <summary>Minimum number of repeat buyers.</summary>
    public double MinRepeatBuyers { get; init; } = DefaultMinRepeatBuyers;

    /// <summary>Minimum share of repeat buyers.</summary>
    public double MinRepeatShare { get; init; } = DefaultMinRepeatShare;

    /// <summary>Largest horizon / longest history ratio.</summary>
    public double MaxHorizonRatio { get; init; } = DefaultMaxHorizonRatio;

    /// <summary>Largest acceptable |corr(x, m̄)|.</summary>
    public double MaxSpendCorrelation { get; init; } = DefaultMaxSpendCorrelation;
}
