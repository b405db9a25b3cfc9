using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.Schemes.Planning;
using Segmenta.Core.Schemes.Rules;

namespace Segmenta.Core.Schemes.Reasons;

/// <summary>
/// What a run needs to explain a scheme's assignment later: per segment the label, the rule (written and with the
/// values used) and the playbook, plus the population parameters. Plain data, so a store can keep it as JSON next to
/// the assignments and <c>segmenta actions</c> / <c>customer show</c> can explain a run long after it ended.
/// </summary>
/// <param name="Scheme">Scheme name.</param>
/// <param name="SegmentColumn">The column holding the segment key.</param>
/// <param name="Kind">Scheme kind (<c>rules</c>, <c>matrix</c> …) or <c>built-in</c>.</param>
/// <param name="Source">Where the definition came from: <c>built-in</c>, <c>preset</c> or the scheme file's path.</param>
/// <param name="Label">The scheme's display name.</param>
/// <param name="Segments">Segments in display order.</param>
/// <param name="Parameters">Population parameters (<c>{scheme}:percentile(monetary_total, 0.9)</c> → value).</param>
public sealed record SchemeExplanation(
    string Scheme,
    string SegmentColumn,
    string Kind,
    string Source,
    LocalizedText Label,
    IReadOnlyList<SegmentExplanation> Segments,
    IReadOnlyDictionary<string, IReadOnlyList<decimal>> Parameters)
{
    /// <summary>Kind of the schemes Segmenta computes by itself (rfm, rfm_cn8, abc, value_tier).</summary>
    public const string BuiltInKind = "built-in";

    /// <summary>The segment with key <paramref name="key"/>, or null.</summary>
    public SegmentExplanation? Segment(string? key) => Segments.FirstOrDefault(s => s.Info.Key == key);

    /// <summary>From a planned user scheme: the planner's rules (with values) and playbooks.</summary>
    public static SchemeExplanation FromPlanned(PlannedScheme planned, string kind, string source, LocalizedText? label)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var plan = planned.Plan;
        return new SchemeExplanation(plan.Scheme, plan.SegmentColumn, kind, source, label ?? new LocalizedText(plan.Scheme, plan.Scheme),
            [.. planned.Segments.Select(s => new SegmentExplanation(s.Info, s.Rule, s.Written, s.Playbook))], plan.Parameters);
    }

    /// <summary>
    /// From a plan without rule texts (the built-in schemes): each segment's rule is the condition of the first
    /// branch of the segment column's CASE that yields its key; the ELSE segment has none.
    /// </summary>
    public static SchemeExplanation FromPlan(SchemePlan plan, string source, LocalizedText? label = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var segmentColumn = plan.Layers.SelectMany(l => l).LastOrDefault(c => c.Name == plan.SegmentColumn);
        var branches = segmentColumn?.Expression is CaseWhen c ? c.Branches : [];
        var segments = plan.Segments.Select(s =>
        {
            var branch = branches.FirstOrDefault(b => b.Then is Literal { Value: string key } && key == s.Key);
            return new SegmentExplanation(s, branch is null ? null : RuleFormatter.Format(branch.When), null, null);
        });
        return new SchemeExplanation(plan.Scheme, plan.SegmentColumn, BuiltInKind, source, label ?? new LocalizedText(plan.Scheme, plan.Scheme),
            [.. segments], plan.Parameters);
    }

    /// <summary>
    /// Why a customer is in <paramref name="segment"/>: the rule that matched, with the customer's values (and the
    /// population statistics' values) written in, e.g. <c>monetary_total 1,234.5 ≥ p90 980.2 and tenure_days 800 &gt; 730</c>.
    /// </summary>
    /// <param name="segment">The customer's segment key.</param>
    /// <param name="row">The customer's columns (features and derived columns) by name.</param>
    /// <param name="language"><c>zh-CN</c> or <c>en</c>, for the words around the rule.</param>
    /// <param name="others">
    /// The run's other schemes: a rule that tests another scheme's segment column (<c>rfm_segment = 'champions'</c>)
    /// then shows that scheme's reason too.
    /// </param>
    public string Reason(string? segment, Func<string, object?> row, string language, IReadOnlyList<SchemeExplanation>? others = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        var rest = (others ?? []).Where(o => o.Scheme != Scheme).ToList();
        string? Nested(string column, string key) =>
            rest.FirstOrDefault(o => o.SegmentColumn == column) is { } o && o.Segment(key) is not null
                ? o.Reason(key, row, language, [.. rest.Where(x => x != o)])
                : null;
        var s = Segment(segment);
        if (s is null)
            return language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "分群不在方案中" : "segment not in the scheme";
        if (Kind == Definitions.SchemeKinds.KMeans)
            return ClusterReason(s, row, language);
        if (s.Written is { } written && RuleParser.TryParse(written, out var tree).IsValid && TryAggregates(tree!, out var values))
            return ReasonFormatter.Format(tree!, row, a => values.TryGetValue(a, out var v) ? v : null, Nested);
        if (s.Rule is { } rule && RuleParser.TryParse(rule, out var resolved).IsValid)
            return ReasonFormatter.Format(resolved!, row, segmentReason: Nested);
        return ReasonFormatter.Otherwise(language);
    }

    /// <summary>
    /// Kind kmeans: the centre the customer is closest to and the customer's own values, e.g. <c>closest to centre 2
    /// (recency_days ≈ 28, orders ≈ 5.2); this customer: recency_days 30, orders 5</c> (zh-CN: 最接近第 2 个中心 …).
    /// </summary>
    private string ClusterReason(SegmentExplanation s, Func<string, object?> row, string language)
    {
        var zh = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var rule = s.Rule ?? "";
        var colon = rule.IndexOf(": ", StringComparison.Ordinal);
        var number = colon > 7 ? rule[7..colon] : "?";
        var centre = colon > 0 ? rule[(colon + 2)..] : rule;
        var own = string.Join(", ", ClusterFeatures().Select(f => $"{f} {Format(row(f))}"));
        return zh ? $"最接近第 {number} 个中心（{centre}）；本客户：{own}" : $"closest to centre {number} ({centre}); this customer: {own}";

        static string Format(object? value) => value switch
        {
            null => "—",
            double d => Clustering.KMeansSchemePlanner.Round(d),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "—",
        };
    }

    /// <summary>Kind kmeans: the clustered features, in order (from the <c>scheme:centre(key, feature)</c> parameters).</summary>
    private List<string> ClusterFeatures()
    {
        var prefix = $"{Scheme}:centre({(Segments.Count > 0 ? Segments[0].Info.Key : "")}, ";
        return [.. Parameters.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.EndsWith(')')).Select(k => k[prefix.Length..^1])];
    }

    /// <summary>Every column the segments' rules read (to fetch only those for a reason).</summary>
    public IReadOnlyList<string> RuleColumns()
    {
        if (Kind == Definitions.SchemeKinds.KMeans) return ClusterFeatures();
        var columns = new List<string>();
        foreach (var s in Segments)
        {
            foreach (var text in new[] { s.Written, s.Rule })
            {
                if (text is not null && RuleParser.TryParse(text, out var tree).IsValid)
                    columns.AddRange(ReasonFormatter.Columns(tree!));
            }
        }
        return [.. columns.Distinct(StringComparer.Ordinal)];
    }

    private bool TryAggregates(Expr tree, out Dictionary<PopulationAggregate, decimal> values)
    {
        values = [];
        foreach (var aggregate in AggregateResolver.Required(tree))
        {
            if (!Parameters.TryGetValue($"{Scheme}:{RuleFormatter.Format(aggregate)}", out var v) || v.Count != 1)
                return false;
            values[aggregate] = v[0];
        }
        return true;
    }
}
