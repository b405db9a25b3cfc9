using Segmenta.Core.Schemes;

namespace Segmenta.Core.Reporting;

/// <summary>How customers moved between the segments of one scheme from one snapshot to the next.</summary>
/// <param name="Scheme">Scheme name.</param>
/// <param name="FromSnapshot">Earlier snapshot (id or as-of date).</param>
/// <param name="ToSnapshot">Later snapshot.</param>
/// <param name="Segments">Segments in display order (keys and labels); the transitions refer to the keys.</param>
/// <param name="Transitions">Customers per (from, to) pair; includes stayers.</param>
public sealed record MigrationSection(
    string Scheme,
    string FromSnapshot,
    string ToSnapshot,
    IReadOnlyList<MigrationSegment> Segments,
    IReadOnlyList<MigrationFlow> Transitions)
{
    /// <summary>The scheme's display title (null: the translation table's, else the name).</summary>
    public LocalizedText? Title { get; init; }

    /// <summary>Customers in both snapshots.</summary>
    public long Total => Transitions.Sum(f => f.Customers);

    /// <summary>Customers in both snapshots whose segment changed.</summary>
    public long Moved => Transitions.Where(f => f.From != f.To).Sum(f => f.Customers);

    /// <summary>Customers only in the earlier snapshot (no longer present).</summary>
    public long OnlyBefore { get; init; }

    /// <summary>Customers only in the later snapshot (new).</summary>
    public long OnlyAfter { get; init; }
}

/// <summary>A segment in a migration.</summary>
/// <param name="Key">Segment key (<c>new</c> / <c>gone</c> may stand for customers entering or leaving).</param>
/// <param name="Label">Display name.</param>
public sealed record MigrationSegment(string Key, LocalizedText Label);

/// <summary>Customers who were in <paramref name="From"/> and are now in <paramref name="To"/>.</summary>
/// <param name="From">Earlier segment key.</param>
/// <param name="To">Later segment key.</param>
/// <param name="Customers">Customers.</param>
public sealed record MigrationFlow(string From, string To, long Customers);

/// <summary>Something the reader should act on.</summary>
/// <param name="Severity"><c>warning</c> or <c>info</c>.</param>
/// <param name="Message">What happened and what to do.</param>
public sealed record ReportAlert(string Severity, LocalizedText Message)
{
    /// <summary>The rule's name, when the alert comes from an alert rule.</summary>
    public string? Rule { get; init; }

    /// <summary>The scheme the rule watches.</summary>
    public string? Scheme { get; init; }

    /// <summary>Customers concerned (segment-size rules: the measured customers), when known.</summary>
    public long? Customers { get; init; }
}
