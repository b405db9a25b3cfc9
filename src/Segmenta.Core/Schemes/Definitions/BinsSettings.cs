namespace Segmenta.Core.Schemes.Definitions;

/// <summary>
/// Kind <c>bins</c>: one numeric measure cut into tiers. The scheme's segments are the tiers from the lowest values
/// to the highest, so there is one segment more than there are breaks. A null measure is in the lowest tier.
/// </summary>
public sealed record BinsSettings
{
    /// <summary>YAML <c>measure</c>: the numeric feature, e.g. <c>monetary_total</c> or <c>clv_12m</c>.</summary>
    public string Measure { get; init; } = "";

    /// <summary>YAML <c>method</c>: <c>quantile</c> (default), <c>equal_width</c> or <c>fixed</c> (<see cref="BinMethods"/>).</summary>
    public string Method { get; init; } = BinMethods.Quantile;

    /// <summary>
    /// YAML <c>breaks</c>: strictly ascending; probabilities in (0, 1) for <c>quantile</c>, values for <c>fixed</c>,
    /// none for <c>equal_width</c>.
    /// </summary>
    public IReadOnlyList<decimal> Breaks { get; init; } = [];
}
