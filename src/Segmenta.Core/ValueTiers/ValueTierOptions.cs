using Segmenta.Core.Customers;
using Segmenta.Core.Numerics;

namespace Segmenta.Core.ValueTiers;

/// <summary>Settings of <see cref="ValueTierScheme"/>.</summary>
public sealed record ValueTierOptions
{
    /// <summary>Default share of customers in the high tier (top 20 %).</summary>
    public const double DefaultHighShare = 0.20;

    /// <summary>Default share of customers in the mid tier (next 30 %).</summary>
    public const double DefaultMidShare = 0.30;

    /// <summary>The default options.</summary>
    public static ValueTierOptions Default { get; } = new();

    /// <summary>The measure tiered, default <c>monetary_total</c>.</summary>
    public string Measure { get; init; } = FeatureNames.MonetaryTotal;

    /// <summary>Quantile (default) or fixed thresholds.</summary>
    public ValueTierMethod Method { get; init; } = ValueTierMethod.Quantile;

    /// <summary>Share of customers aimed at for the high tier (quantile method), in [0, 1].</summary>
    public double HighShare { get; init; } = DefaultHighShare;

    /// <summary>Share of customers aimed at for the mid tier (quantile method); HighShare + MidShare ≤ 1.</summary>
    public double MidShare { get; init; } = DefaultMidShare;

    /// <summary>Quantile definition of the quantile method (default R type 7).</summary>
    public QuantileDefinition QuantileDefinition { get; init; } = QuantileDefinition.Linear;

    /// <summary>
    /// Quantile method: frozen cut points [c_mid, c_high] from a reference snapshot, used instead of this population's
    /// quantiles with the same rule (high when value &gt; c_high); null (default) computes them.
    /// </summary>
    public IReadOnlyList<decimal>? FrozenCutPoints { get; init; }

    /// <summary>Fixed method: values ≥ this are high. Required with <see cref="ValueTierMethod.Fixed"/>.</summary>
    public decimal? HighThreshold { get; init; }

    /// <summary>Fixed method: values ≥ this (and below the high threshold) are mid. Required with <see cref="ValueTierMethod.Fixed"/>.</summary>
    public decimal? MidThreshold { get; init; }
}
