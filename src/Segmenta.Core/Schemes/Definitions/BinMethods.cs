namespace Segmenta.Core.Schemes.Definitions;

/// <summary>The values of <see cref="BinsSettings.Method"/>.</summary>
public static class BinMethods
{
    /// <summary>
    /// Breaks are probabilities p₁ &lt; … &lt; pₖ in (0, 1); cut cᵢ = Q(pᵢ) of the measure (R type 7). A value on a cut
    /// belongs to the lower tier (tier = 1 + #{i : x &gt; cᵢ}).
    /// </summary>
    public const string Quantile = "quantile";

    /// <summary>
    /// No breaks: the range [min, max] of the measure is cut into as many equal widths as there are segments,
    /// cᵢ = min + i·(max − min)/n. A value on a cut belongs to the lower tier.
    /// </summary>
    public const string EqualWidth = "equal_width";

    /// <summary>Breaks are values b₁ &lt; … &lt; bₖ; each is the first value of its tier (tier = 1 + #{i : x ≥ bᵢ}).</summary>
    public const string Fixed = "fixed";

    /// <summary>Every method.</summary>
    public static IReadOnlyList<string> All { get; } = [Quantile, EqualWidth, Fixed];
}
