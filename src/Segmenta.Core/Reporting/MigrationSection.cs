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
    IReadOnlyList<MigrationFlow> Transitions);

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
public sealed record ReportAlert(string Severity, LocalizedText Message);
