using Segmenta.Core.Schemes.Definitions;

namespace Segmenta.Core.Schemes.Planning;

/// <summary>One segment of a planned scheme with why a customer is in it and what to do about it.</summary>
/// <param name="Info">Key and labels (as in <see cref="SchemePlan.Segments"/>).</param>
/// <param name="Rule">
/// The condition that puts a customer in this segment, with the population statistics replaced by the values used,
/// e.g. <c>monetary_total &gt;= 5400 and tenure_days &gt; 730</c> (from <see cref="Rules.RuleFormatter.Format"/>).
/// Segments are tested in order and the first match wins, so a customer in a later segment matched none of the
/// earlier rules. Null for the segment that takes everyone else (the default, or e.g. lifecycle <c>active</c>).
/// </param>
/// <param name="Written">The rule as the user wrote it (with <c>p90(monetary_total)</c> …), or null when it was generated.</param>
/// <param name="Playbook">The segment's playbook, or null.</param>
public sealed record PlannedSegment(SegmentInfo Info, string? Rule, string? Written, PlaybookDefinition? Playbook);
