using Segmenta.Core.Schemes;

namespace Segmenta.Core.Pipelines;

/// <summary>One scheme's plan (with the cut points it used) and its segments' sizes and value.</summary>
/// <param name="Plan">What was computed.</param>
/// <param name="Segments">Per-segment statistics, in the plan's display order; segments nobody fell into have zero customers.</param>
public sealed record SchemeResult(SchemePlan Plan, IReadOnlyList<SegmentStats> Segments)
{
    /// <summary>Scheme name.</summary>
    public string Name => Plan.Scheme;
}
