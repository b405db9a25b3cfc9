using Segmenta.Core.Schemes.Definitions;

namespace Segmenta.Core.Schemes.Reasons;

/// <summary>One segment of a run's scheme as stored for explanations and action lists.</summary>
/// <param name="Info">Key and labels.</param>
/// <param name="Rule">The condition with population statistics replaced by their values (<c>monetary_total &gt;= 980.2</c>), or null for the segment that takes everyone else.</param>
/// <param name="Written">The rule as the user wrote it (<c>monetary_total &gt;= p90(monetary_total)</c>), or null when generated.</param>
/// <param name="Playbook">What to do with the segment's customers, or null.</param>
public sealed record SegmentExplanation(SegmentInfo Info, string? Rule, string? Written, PlaybookDefinition? Playbook);
