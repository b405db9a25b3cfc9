namespace Segmenta.Core.Schemes.Definitions.Internal;

/// <summary>A segment a kind provides by itself (behaviour, needs, grading, lifecycle), with its default rule if any.</summary>
internal sealed record BuiltInSegment(string Key, LocalizedText Label, LocalizedText Description, string? When = null);
