namespace Segmenta.Core.Schemes;

/// <summary>One segment of a scheme as shown to users: its key (the value stored per customer) and labels.</summary>
/// <param name="Key">The stored value, stable across languages, e.g. <c>champions</c> or <c>A</c>.</param>
/// <param name="Label">Display name in both languages.</param>
/// <param name="Description">One sentence on who is in it (may be empty).</param>
public sealed record SegmentInfo(string Key, LocalizedText Label, LocalizedText Description);
