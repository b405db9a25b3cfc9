using Segmenta.Core.Clustering;
using Segmenta.Core.Numerics;
using Segmenta.Core.Ports;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Schemes.Planning;
using Segmenta.Core.Schemes.Reasons;
using Segmenta.Core.Schemes.Rules;

namespace Segmenta.Core.Pipelines;

/// <summary>
/// Plans the user schemes of a run after the built-in ones: validates each against the real feature columns (plus the
/// segment columns of the schemes before it), fetches every histogram they need once (shared across schemes), plans
/// them, and shifts a plan's layers after the layers of the columns it reads, so that one <c>ApplyPlansAsync</c>
/// computes built-ins and user schemes together.
/// </summary>
public static class UserSchemePlanner
{
    /// <summary>The user plans (after <paramref name="earlier"/>) and their explanations.</summary>
    /// <param name="engine">The engine holding the feature table.</param>
    /// <param name="earlier">Plans that run before (the built-ins); their columns may be read.</param>
    /// <param name="schemes">The user schemes, in order.</param>
    /// <param name="cancellationToken">Cancels the histogram queries.</param>
    /// <exception cref="SegmentaInputException">A scheme is not valid for this data (every problem, one per line), or its name clashes with a column.</exception>
    public static async Task<(IReadOnlyList<SchemePlan> Plans, IReadOnlyList<SchemeExplanation> Explanations)> PlanAsync(
        ISegmentationEngine engine, IReadOnlyList<SchemePlan> earlier, IReadOnlyList<UserScheme> schemes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(schemes);
        if (schemes.Count == 0) return ([], []);
        var features = await engine.FeatureTypesAsync(cancellationToken).ConfigureAwait(false);
        var columns = new Dictionary<string, FeatureType>(features, StringComparer.Ordinal);
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var plan in earlier) AddDerived(plan, 0, columns, depth);

        // Validate all first (each sees the schemes before it), so no histogram is fetched for a scheme that will fail.
        var schema = new Dictionary<string, FeatureType>(columns, StringComparer.Ordinal);
        foreach (var scheme in schemes)
        {
            var d = scheme.Definition;
            if (!string.IsNullOrWhiteSpace(d.Name) && schema.ContainsKey(d.Name))
                throw new SegmentaInputException(Line(scheme, $"name: \"{d.Name}\" is already a column of this run (a feature, a built-in scheme or an earlier --scheme) — rename the scheme"));
            var result = SchemeValidator.Validate(d, new FeatureSchema(schema));
            if (!result.IsValid)
                throw new SegmentaInputException(string.Join(Environment.NewLine, result.Problems.Select(p => Line(scheme, p.Message))));
            schema[d.Name] = FeatureType.Text;
        }

        // Kind kmeans: fit on the population's features now (the plan holds the centres); each customer's cluster
        // number becomes the feature column <scheme>_id that the plan maps to the segment key.
        var clustered = new Dictionary<UserScheme, PlannedScheme>(ReferenceEqualityComparer.Instance);
        foreach (var scheme in schemes.Where(s => s.Definition.Kind == SchemeKinds.KMeans))
        {
            var d = scheme.Definition;
            var idColumn = KMeansScheme.IdColumn(d.Name);
            if (schema.ContainsKey(idColumn))
                throw new SegmentaInputException(Line(scheme, $"name: \"{d.Name}\" would write the column \"{idColumn}\", which already exists — rename the scheme"));
            var clusterFeatures = (d.KMeans ?? new KMeansSettings()).Features;
            for (var i = 0; i < clusterFeatures.Count; i++)
            {
                if (!features.ContainsKey(clusterFeatures[i]))
                    throw new SegmentaInputException(Line(scheme, $"features[{i}]: \"{clusterFeatures[i]}\" is computed by a scheme of this run; k-means clusters on feature columns — use a feature"));
            }
            var (ids, values) = await engine.ReadFeatureColumnsAsync(clusterFeatures, cancellationToken).ConfigureAwait(false);
            var size = KMeansSchemePlanner.CheckSize(d, ids.Count);
            if (size.Count > 0) throw new SegmentaInputException(Line(scheme, size[0]));
            var (planned, assignment) = KMeansSchemePlanner.Plan(d, ids, FeatureMatrix.FromColumns(clusterFeatures, values));
            await engine.AddFeatureColumnsAsync(ids, [assignment.IdColumn], cancellationToken).ConfigureAwait(false);
            columns[idColumn] = FeatureType.Number;
            schema[idColumn] = FeatureType.Number;
            clustered[scheme] = planned;
        }

        var histograms = new Dictionary<string, ValueHistogram>(StringComparer.Ordinal);
        foreach (var column in schemes.SelectMany(s => SchemePlanner.RequiredHistograms(s.Definition)).Distinct(StringComparer.Ordinal))
        {
            if (features.ContainsKey(column))
                histograms[column] = await engine.HistogramAsync(column, cancellationToken).ConfigureAwait(false);
        }
        ValueHistogram HistogramOf(string column) => histograms.TryGetValue(column, out var h)
            ? h
            : throw new SegmentaInputException($"column \"{column}\" is computed by a scheme of this run; population statistics (p90, median …) need a feature column — use a feature");

        var plans = new List<SchemePlan>(schemes.Count);
        var explanations = new List<SchemeExplanation>(schemes.Count);
        foreach (var scheme in schemes)
        {
            var planned = clustered.TryGetValue(scheme, out var fitted)
                ? fitted
                : SchemePlanner.PlanWithSegments(scheme.Definition, scheme.FrozenHistograms ?? HistogramOf, new FeatureSchema(columns));
            var plan = Shifted(planned.Plan, depth);
            AddDerived(plan, 0, columns, depth);
            plans.Add(plan);
            explanations.Add(SchemeExplanation.FromPlanned(planned with { Plan = plan }, scheme.Definition.Kind, scheme.Source, scheme.Definition.Label));
        }
        return (plans, explanations);
    }

    private static string Line(UserScheme scheme, string message) =>
        scheme.Locate?.Invoke(message) ?? $"scheme \"{scheme.Definition.Name}\" ({scheme.Source}), {message}";

    /// <summary>Records the plan's derived columns (segment column as text, the rest as numbers) and the layer each is computed in.</summary>
    private static void AddDerived(SchemePlan plan, int offset, Dictionary<string, FeatureType> columns, Dictionary<string, int> depth)
    {
        for (var layer = 0; layer < plan.Layers.Count; layer++)
        {
            foreach (var column in plan.Layers[layer])
            {
                columns.TryAdd(column.Name, column.Name == plan.SegmentColumn ? FeatureType.Text : FeatureType.Number);
                depth[column.Name] = offset + layer;
            }
        }
    }

    /// <summary>The plan with empty layers in front, so that its first layer comes after every derived column it reads.</summary>
    private static SchemePlan Shifted(SchemePlan plan, Dictionary<string, int> depth)
    {
        var own = plan.Layers.SelectMany(l => l).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var reads = plan.Layers.SelectMany(l => l).SelectMany(c => ReasonFormatter.Columns(c.Expression)).Where(c => !own.Contains(c));
        var offset = reads.Select(c => depth.TryGetValue(c, out var d) ? d + 1 : 0).DefaultIfEmpty(0).Max();
        if (offset == 0) return plan;
        var layers = Enumerable.Range(0, offset).Select(_ => (IReadOnlyList<DerivedColumn>)[]).Concat(plan.Layers).ToList();
        return plan with { Layers = layers };
    }
}
