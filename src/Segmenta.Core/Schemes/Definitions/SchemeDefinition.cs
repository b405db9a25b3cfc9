namespace Segmenta.Core.Schemes.Definitions;

/// <summary>
/// A user-defined segmentation scheme as written in a scheme file (YAML): what a loader deserializes into.
/// Only the settings record of the scheme's <see cref="Kind"/> is read; the others must be left out.
/// Check it with <see cref="SchemeValidator.Validate"/>, then turn it into a plan with
/// <see cref="Planning.SchemePlanner.Plan"/>. The semantics of every kind are in docs/schemes.md.
/// </summary>
/// <example>
/// <code>
/// name: key_accounts
/// kind: rules
/// segments:
///   - name: strategic
///     when: "monetary_total >= p90(monetary_total) and tenure_days > 730"
///   - name: key
///     when: "monetary_total >= median(monetary_total)"
/// default: ordinary
/// </code>
/// </example>
public sealed record SchemeDefinition
{
    /// <summary>
    /// YAML <c>name</c>: the scheme's name, lower-case snake_case (<c>key_accounts</c>). It names the output column that
    /// holds the segment, and prefixes any auxiliary column (<c>key_accounts_row</c>) and parameter.
    /// </summary>
    public string Name { get; init; } = "";

    /// <summary>YAML <c>kind</c>: one of <see cref="SchemeKinds"/> (<c>rules</c>, <c>bins</c>, <c>matrix</c> …).</summary>
    public string Kind { get; init; } = "";

    /// <summary>YAML <c>label: { zh-CN: …, en: … }</c>: display name; the name is shown when absent.</summary>
    public LocalizedText? Label { get; init; }

    /// <summary>YAML <c>description</c>: what the scheme is for (optional).</summary>
    public LocalizedText? Description { get; init; }

    /// <summary>
    /// YAML <c>segments</c>: the segments in order. What a segment needs depends on the kind: a <c>when</c> rule
    /// (rules, behaviour, needs; first match wins), a <c>cell</c> (matrix), a <c>match</c> (combine), or only a
    /// name, label and playbook (bins tiers, grading and lifecycle stages, attribute groups).
    /// </summary>
    public IReadOnlyList<SegmentDefinition> Segments { get; init; } = [];

    /// <summary>
    /// YAML <c>default</c>: the key of the segment for customers no other segment takes. Required by
    /// <c>rules</c>, <c>attribute</c> and <c>combine</c>; <c>behaviour</c> and <c>needs</c> have a built-in one. It may
    /// also appear in <see cref="Segments"/> (without a rule) to give it a label and playbook.
    /// </summary>
    public string? Default { get; init; }

    /// <summary>YAML <c>bins</c>: settings of kind <c>bins</c>.</summary>
    public BinsSettings? Bins { get; init; }

    /// <summary>YAML <c>matrix</c>: settings of kind <c>matrix</c>.</summary>
    public MatrixSettings? Matrix { get; init; }

    /// <summary>YAML <c>grading</c>: settings of kind <c>grading</c>.</summary>
    public GradingSettings? Grading { get; init; }

    /// <summary>YAML <c>lifecycle</c>: settings of kind <c>lifecycle</c> (optional: every field has a default).</summary>
    public LifecycleSettings? Lifecycle { get; init; }

    /// <summary>YAML <c>attribute</c>: settings of kind <c>attribute</c>.</summary>
    public AttributeSettings? Attribute { get; init; }

    /// <summary>YAML <c>combine</c>: settings of kind <c>combine</c>.</summary>
    public CombineSettings? Combine { get; init; }

    /// <summary>
    /// Settings of kind <c>kmeans</c>: YAML <c>features</c>, <c>k</c> or <c>k_range</c>, <c>transform</c>, <c>seed</c>
    /// (at the top level of the scheme, or in a <c>kmeans:</c> block).
    /// </summary>
    public KMeansSettings? KMeans { get; init; }

    /// <summary>YAML <c>stability</c>: frozen cut points, hysteresis and minimum dwell for this scheme (optional).</summary>
    public SchemeStability? Stability { get; init; }
}
