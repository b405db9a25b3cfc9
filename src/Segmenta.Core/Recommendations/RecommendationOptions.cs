namespace Segmenta.Core.Recommendations;

/// <summary>Settings of segment-based recommendations.</summary>
public sealed record RecommendationOptions
{
    /// <summary>Default number of recommendations per customer.</summary>
    public const int DefaultTop = 5;

    /// <summary>Default minimum lift of a segment candidate.</summary>
    public const double DefaultMinLift = 1.0;

    /// <summary>Default minimum purchases of the item within the segment.</summary>
    public const int DefaultMinSupport = 3;

    /// <summary>Recommendations per customer (N).</summary>
    public int Top { get; init; } = DefaultTop;

    /// <summary>A segment candidate needs lift strictly above this ("high-lift": bought more in the segment than overall).</summary>
    public double MinLift { get; init; } = DefaultMinLift;

    /// <summary>A segment candidate needs at least this many purchases within the segment (filters one-off noise).</summary>
    public int MinSupport { get; init; } = DefaultMinSupport;
}
