using Segmenta.Core.Schemes;

namespace Segmenta.Core.Reporting;

/// <summary>One scheme's segment table.</summary>
/// <param name="Name">Scheme name, e.g. <c>rfm</c> (built-in names get translated titles; others show <see cref="Title"/> or the name).</param>
/// <param name="SegmentColumn">The per-customer column holding the segment key, e.g. <c>rfm_segment</c>.</param>
/// <param name="Segments">Segments in display order.</param>
public sealed record SchemeSection(string Name, string SegmentColumn, IReadOnlyList<SegmentRow> Segments)
{
    /// <summary>Display title for user schemes (built-in schemes are titled from the translation table); null = the name.</summary>
    public LocalizedText? Title { get; init; }

    /// <summary>Population parameters the scheme fixed (cut points, means, limits).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<decimal>> Parameters { get; init; } = new Dictionary<string, IReadOnlyList<decimal>>();

    /// <summary>All customers in the scheme.</summary>
    public long Customers => Segments.Sum(s => s.Customers);

    /// <summary>All revenue in the scheme.</summary>
    public decimal Revenue => Segments.Sum(s => s.Revenue);
}

/// <summary>One segment: who, how many, how valuable, and what to do.</summary>
/// <param name="Key">The stored key, e.g. <c>champions</c>.</param>
/// <param name="Label">Display name.</param>
/// <param name="Description">Who is in it.</param>
/// <param name="Customers">Customers.</param>
/// <param name="Revenue">Their total spend.</param>
/// <param name="MeanRecencyDays">Mean days since the last purchase.</param>
/// <param name="MeanOrders">Mean orders.</param>
/// <param name="MeanMonetary">Mean total spend.</param>
public sealed record SegmentRow(
    string Key,
    LocalizedText Label,
    LocalizedText Description,
    long Customers,
    decimal Revenue,
    double MeanRecencyDays,
    double MeanOrders,
    double MeanMonetary)
{
    /// <summary>What to do with them; null = the report's built-in playbook for the scheme, if it has one.</summary>
    public ReportPlaybook? Playbook { get; init; }
}

/// <summary>A segment's playbook as shown on its card.</summary>
/// <param name="Action">What to do.</param>
/// <param name="Channel">Channel (visit, phone, wechat, email …), free text.</param>
/// <param name="Owner">Role that owns the action, free text.</param>
/// <param name="Priority">1 is the most urgent.</param>
/// <param name="ContactEveryDays">Contact each customer at least this often.</param>
public sealed record ReportPlaybook(LocalizedText Action, string? Channel = null, string? Owner = null, int? Priority = null, int? ContactEveryDays = null);
