using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Schemes.Definitions.Internal;
using Segmenta.Core.Schemes.Rules;

namespace Segmenta.Core.Schemes.Planning.Internal;

/// <summary>What every kind planner needs, and the assembly of its result.</summary>
internal sealed class PlanContext(SchemeDefinition definition, HistogramCache histograms, FeatureSchema? schema)
{
    public SchemeDefinition Definition { get; } = definition;

    public string Name => Definition.Name;

    public HistogramCache Histograms { get; } = histograms;

    public FeatureSchema? Schema { get; } = schema;

    public IReadOnlyList<EffectiveSegment> Segments { get; } = SegmentSet.Of(definition);

    public Dictionary<string, IReadOnlyList<decimal>> Parameters { get; } = new(StringComparer.Ordinal);

    /// <summary>The plan with the segment column named after the scheme, and the segments with their reasons.</summary>
    /// <param name="layers">Derived columns; the last layer must hold the segment column.</param>
    /// <param name="reasons">Segment key → (resolved condition, rule as written); missing keys have no rule.</param>
    public PlannedScheme Finish(
        IReadOnlyList<IReadOnlyList<DerivedColumn>> layers, IReadOnlyDictionary<string, (Expressions.Expr Rule, string? Written)> reasons)
    {
        var plan = new SchemePlan(Name, layers, Name, [.. Segments.Select(s => s.Info)], Parameters);
        var planned = Segments.Select(s => reasons.TryGetValue(s.Key, out var r)
            ? new PlannedSegment(s.Info, RuleFormatter.Format(r.Rule), r.Written, s.Source?.Playbook)
            : new PlannedSegment(s.Info, null, null, s.Source?.Playbook));
        return new PlannedScheme(plan, [.. planned]);
    }

    /// <summary>A user-facing error about this scheme at <paramref name="path"/>.</summary>
    public SegmentaInputException Error(string path, string message, Exception? inner = null)
    {
        var text = $"scheme \"{Name}\", {path}: {message}";
        return inner is null ? new SegmentaInputException(text) : new SegmentaInputException(text, inner);
    }
}
