namespace Segmenta.Core.Schemes.Planning;

/// <summary>A <see cref="SchemePlan"/> together with each segment's rule text and playbook, for action lists and reports.</summary>
/// <param name="Plan">What the engine computes.</param>
/// <param name="Segments">The segments in the order of <see cref="SchemePlan.Segments"/>.</param>
public sealed record PlannedScheme(SchemePlan Plan, IReadOnlyList<PlannedSegment> Segments)
{
    /// <summary>The planned segment with key <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">The scheme has no such segment.</exception>
    public PlannedSegment Segment(string key) =>
        Segments.FirstOrDefault(s => s.Info.Key == key) ?? throw new KeyNotFoundException($"Scheme \"{Plan.Scheme}\" has no segment \"{key}\".");
}
