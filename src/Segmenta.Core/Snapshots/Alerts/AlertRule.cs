namespace Segmenta.Core.Snapshots.Alerts;

/// <summary>One alert rule (YAML <c>- when: leaves_segment</c> …). Which fields a kind uses is listed on <see cref="AlertKinds"/>.</summary>
public sealed record AlertRule
{
    /// <summary>Optional name shown in reports; default: the kind and its scheme.</summary>
    public string? Name { get; init; }

    /// <summary>The kind (<see cref="AlertKinds"/>).</summary>
    public required string When { get; init; }

    /// <summary>Scheme name or segment column, e.g. <c>abc</c> or <c>abc_class</c>.</summary>
    public required string Scheme { get; init; }

    /// <summary>Segment left (leaves_segment) — required there.</summary>
    public string? From { get; init; }

    /// <summary>Segment entered (enters_segment; optional filter of leaves_segment).</summary>
    public string? To { get; init; }

    /// <summary>Segment watched (segment_shrinks, segment_grows, no_contact).</summary>
    public string? Segment { get; init; }

    /// <summary>Relative change threshold for shrinks/grows, e.g. 0.10 for 10 %.</summary>
    public double? ByMoreThan { get; init; }

    /// <summary>Days without contact (no_contact).</summary>
    public int? Days { get; init; }

    /// <summary>Where the rule was written (file and line), for messages.</summary>
    public string Source { get; init; } = "";

    /// <summary>The display name.</summary>
    public string DisplayName => Name ?? $"{When} {Scheme}";
}

/// <summary>The alert kinds.</summary>
public static class AlertKinds
{
    /// <summary>Some customer was in <c>from</c> in the previous snapshot and is in another segment (or <c>to</c>) now.</summary>
    public const string LeavesSegment = "leaves_segment";

    /// <summary>Some customer is in <c>to</c> now and was in another segment before.</summary>
    public const string EntersSegment = "enters_segment";

    /// <summary>The number of customers in <c>segment</c> fell by more than <c>by_more_than</c> (a share) since the previous snapshot.</summary>
    public const string SegmentShrinks = "segment_shrinks";

    /// <summary>The number of customers in <c>segment</c> rose by more than <c>by_more_than</c> (a share).</summary>
    public const string SegmentGrows = "segment_grows";

    /// <summary>Some customer of <c>segment</c> has had no interaction in the last <c>days</c> days before the as-of date (needs imported interactions).</summary>
    public const string NoContact = "no_contact";

    /// <summary>Every kind.</summary>
    public static IReadOnlyList<string> All { get; } = [LeavesSegment, EntersSegment, SegmentShrinks, SegmentGrows, NoContact];
}
