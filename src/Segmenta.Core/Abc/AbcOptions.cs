using Segmenta.Core.Customers;

namespace Segmenta.Core.Abc;

/// <summary>Settings of <see cref="AbcScheme"/>.</summary>
public sealed record AbcOptions
{
    /// <summary>Default cumulative revenue share that closes class A (80 %).</summary>
    public const decimal DefaultALimit = 0.80m;

    /// <summary>Default cumulative revenue share that closes class B (95 %).</summary>
    public const decimal DefaultBLimit = 0.95m;

    /// <summary>The default options.</summary>
    public static AbcOptions Default { get; } = new();

    /// <summary>Cumulative revenue share (0 &lt; limit ≤ 1) up to which customers are A.</summary>
    public decimal ALimit { get; init; } = DefaultALimit;

    /// <summary>Cumulative revenue share (A limit ≤ limit ≤ 1) up to which customers are B; the rest are C.</summary>
    public decimal BLimit { get; init; } = DefaultBLimit;

    /// <summary>How the tie group on a limit is classed; default <see cref="AbcEdge.Crossing"/> (the customers that carry the first 80 % of revenue, including the one that crosses 80 %).</summary>
    public AbcEdge Edge { get; init; } = AbcEdge.Crossing;

    /// <summary>
    /// Frozen class thresholds (t_A, t_B) taken from a reference snapshot instead of being computed from this
    /// population; null (default) computes them. A null t_A (t_B) means class A (B) is empty, as in the reference.
    /// </summary>
    public AbcThresholds? Frozen { get; init; }

    /// <summary>The measure ranked, default <c>monetary_total</c>.</summary>
    public string Measure { get; init; } = FeatureNames.MonetaryTotal;
}
