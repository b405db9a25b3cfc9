namespace Segmenta.Core.Schemes.Definitions;

/// <summary>
/// One axis of a matrix or grading: a numeric measure split into bands numbered 1 (lowest values) … k + 1 by k cut
/// points. A null measure is in band 1.
/// </summary>
public sealed record AxisDefinition
{
    /// <summary>The default split (<c>median</c>).</summary>
    public const string DefaultSplit = AxisSplits.Median;

    /// <summary>YAML <c>measure</c>: the numeric feature, e.g. <c>monetary_total</c>, <c>frequency</c> or <c>clv_12m</c>.</summary>
    public string Measure { get; init; } = "";

    /// <summary>YAML <c>split</c>: <c>mean</c>, <c>median</c> (default), <c>quantile</c> or <c>fixed</c> (<see cref="AxisSplits"/>).</summary>
    public string Split { get; init; } = DefaultSplit;

    /// <summary>YAML <c>at</c>: strictly ascending probabilities (<c>quantile</c>) or values (<c>fixed</c>); empty for mean and median.</summary>
    public IReadOnlyList<decimal> At { get; init; } = [];
}
