namespace Segmenta.Core.Schemes.Definitions;

/// <summary>One segment of a scheme file: its key, labels and playbook, plus the field its kind uses to assign it.</summary>
public sealed record SegmentDefinition
{
    /// <summary>YAML <c>name</c>: the key stored per customer (e.g. <c>strategic</c>); unique within the scheme.</summary>
    public string Name { get; init; } = "";

    /// <summary>YAML <c>label: { zh-CN: …, en: … }</c>: display name; the key is shown when absent.</summary>
    public LocalizedText? Label { get; init; }

    /// <summary>YAML <c>description</c>: one sentence on who is in it (optional).</summary>
    public LocalizedText? Description { get; init; }

    /// <summary>
    /// YAML <c>when</c>: the rule (docs/rules.md) of kinds <c>rules</c>, <c>behaviour</c> and <c>needs</c>, e.g.
    /// <c>recency_days &lt;= 30 and orders &gt;= 5</c>. Population statistics (<c>p90(monetary_total)</c>) are fixed
    /// from the data when the scheme is planned. Behaviour and needs segments without one keep the built-in rule.
    /// </summary>
    public string? When { get; init; }

    /// <summary>
    /// YAML <c>cell: [row, column]</c>: kind <c>matrix</c> only: the band of the row measure and of the column measure,
    /// numbered from 1 (lowest values) upwards; an axis with k cut points has k + 1 bands.
    /// </summary>
    public IReadOnlyList<int>? Cell { get; init; }

    /// <summary>
    /// YAML <c>match: [first, second]</c>: kind <c>combine</c> only: the segment keys of the first and second scheme
    /// this combination stands for; <c>"*"</c> matches any segment.
    /// </summary>
    public IReadOnlyList<string>? Match { get; init; }

    /// <summary>YAML <c>playbook</c>: what to do with the segment's customers (optional).</summary>
    public PlaybookDefinition? Playbook { get; init; }
}
