using Segmenta.Core.Numerics;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Schemes.Definitions.Internal;
using Segmenta.Core.Schemes.Planning.Internal;
using Segmenta.Core.Schemes.Rules;

namespace Segmenta.Core.Schemes.Planning;

/// <summary>
/// Turns a <see cref="SchemeDefinition"/> and the population's histograms into a <see cref="SchemePlan"/>: rules are
/// parsed, population statistics and cut points are fixed from the histograms, and each kind becomes CASE expressions
/// that compare features with constants only, so the plan compiles to SQL on every engine and evaluates in memory
/// with the same result. The segment column is named after the scheme; auxiliary columns and parameters are
/// prefixed with it. The semantics of each kind are in docs/schemes.md.
/// </summary>
public static class SchemePlanner
{
    /// <summary>
    /// The numeric columns whose <see cref="ValueHistogram"/> <see cref="Plan"/> will ask for, in order of first
    /// use: measures split by quantiles, mean, median or equal widths, and columns of population statistics in rules.
    /// </summary>
    public static IReadOnlyList<string> RequiredHistograms(SchemeDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var columns = new List<string>();
        switch (definition.Kind)
        {
            case SchemeKinds.Rules or SchemeKinds.Behaviour or SchemeKinds.Needs:
                foreach (var segment in SegmentSet.Of(definition).Where(s => s.When is not null))
                {
                    if (RuleParser.TryParse(segment.When!, out var rule).IsValid)
                        columns.AddRange(AggregateResolver.Required(rule!).Select(a => a.Column));
                }
                break;
            case SchemeKinds.Bins when definition.Bins is { } bins && bins.Method != BinMethods.Fixed:
                columns.Add(bins.Measure);
                break;
            case SchemeKinds.Matrix when definition.Matrix is { } m:
                columns.AddRange(Measured(m.Rows, m.Columns));
                break;
            case SchemeKinds.Grading when definition.Grading is { } g:
                columns.AddRange(Measured(g.Contribution, g.Potential));
                break;
        }
        return [.. columns.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Plans a scheme (see <see cref="PlanWithSegments"/>).</summary>
    /// <inheritdoc cref="PlanWithSegments" path="/param"/>
    /// <inheritdoc cref="PlanWithSegments" path="/exception"/>
    public static SchemePlan Plan(SchemeDefinition definition, Func<string, ValueHistogram> histogramOf, FeatureSchema? schema = null) =>
        PlanWithSegments(definition, histogramOf, schema).Plan;

    /// <summary>Plans a scheme and gives each segment's rule text (with the values used) and playbook, for action lists.</summary>
    /// <param name="definition">The scheme.</param>
    /// <param name="histogramOf">
    /// The histogram of a numeric column's non-null values; called once for each column of
    /// <see cref="RequiredHistograms"/> and no other.
    /// </param>
    /// <param name="schema">
    /// The feature schema. When given, the definition is fully validated against it (columns and types), attribute
    /// mapping values are read by the column's type, and lifecycle uses <c>p_alive</c> when the schema has it.
    /// When null, only the structure is checked, mapping values are text and lifecycle does not use <c>p_alive</c>.
    /// </param>
    /// <exception cref="SegmentaInputException">
    /// The definition is not valid (the message lists every problem with its path), or a statistic is undefined
    /// because its column has no non-null value.
    /// </exception>
    public static PlannedScheme PlanWithSegments(SchemeDefinition definition, Func<string, ValueHistogram> histogramOf, FeatureSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(histogramOf);
        var validation = SchemeValidator.Check(definition, schema);
        if (!validation.IsValid)
        {
            var name = string.IsNullOrWhiteSpace(definition.Name) ? "(unnamed)" : definition.Name;
            throw new SegmentaInputException(
                $"scheme \"{name}\" is not valid ({validation.Problems.Count} problem(s)):{Environment.NewLine}{validation}");
        }
        var context = new PlanContext(definition, new HistogramCache(histogramOf), schema);
        return definition.Kind switch
        {
            SchemeKinds.Rules or SchemeKinds.Behaviour or SchemeKinds.Needs => RulesPlanner.Plan(context),
            SchemeKinds.Bins => BinsPlanner.Plan(context),
            SchemeKinds.Matrix => MatrixPlanner.PlanMatrix(context),
            SchemeKinds.Grading => MatrixPlanner.PlanGrading(context),
            SchemeKinds.Lifecycle => LifecyclePlanner.Plan(context),
            SchemeKinds.Attribute => AttributePlanner.Plan(context),
            SchemeKinds.Combine => CombinePlanner.Plan(context),
            _ => throw new InvalidOperationException($"kind \"{definition.Kind}\" passed validation but has no planner"),
        };
    }

    private static IEnumerable<string> Measured(params AxisDefinition?[] axes) =>
        axes.Where(a => a is not null && a.Split != AxisSplits.Fixed && !string.IsNullOrWhiteSpace(a.Measure)).Select(a => a!.Measure);
}
