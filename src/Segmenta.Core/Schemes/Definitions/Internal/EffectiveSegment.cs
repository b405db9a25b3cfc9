namespace Segmenta.Core.Schemes.Definitions.Internal;

/// <summary>
/// A segment as the planner uses it: user entries merged with a kind's built-in segments.
/// </summary>
/// <param name="Info">Key and labels.</param>
/// <param name="When">The rule text (rule-based kinds), null for the fallback and for other kinds.</param>
/// <param name="Path">Where the rule or entry is written (<c>segments[2]</c>), or null for a built-in one.</param>
/// <param name="Source">The user's entry, or null.</param>
/// <param name="IsDefault">True for the segment that takes everyone else.</param>
internal sealed record EffectiveSegment(SegmentInfo Info, string? When, string? Path, SegmentDefinition? Source, bool IsDefault)
{
    public string Key => Info.Key;
}
