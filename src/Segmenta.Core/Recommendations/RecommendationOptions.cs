namespace Segmenta.Core.Recommendations;

/// <summary>Settings of segment-based recommendations.</summary>
public sealed record RecommendationOptions
{
    /// <summary>Default number of recommendations per customer.</summary>
    public const int DefaultTop = 5;

    /// <summary>
    /// Default minimum lift of a segment candidate: 0, i.e. every item the segment buys, ranked by P(item | segment)
    /// = lift × overall share. Measured (docs/recommendations.md): restricting to lift &gt; 1 lost hit rate on every
    /// data set tried, and fell below the popularity baseline when the segments carry no product signal.
    /// </summary>
    public const double DefaultMinLift = 0;

    /// <summary>Default minimum purchases of the item within the segment.</summary>
    public const int DefaultMinSupport = 3;

    /// <summary>Recommendations per customer (N).</summary>
    public int Top { get; init; } = DefaultTop;

    /// <summary>A segment candidate needs lift strictly above this (1 = only items bought more in the segment than overall).</summary>
    public double MinLift { get; init; } = DefaultMinLift;

    /// <summary>A segment candidate needs at least this many purchases within the segment (filters one-off noise).</summary>
    public int MinSupport { get; init; } = DefaultMinSupport;
}
