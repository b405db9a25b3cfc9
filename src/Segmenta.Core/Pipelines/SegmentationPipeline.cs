using Segmenta.Core.Abc;
using Segmenta.Core.Customers;
using Segmenta.Core.Ports;
using Segmenta.Core.Propensity;
using Segmenta.Core.Rfm;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Reasons;
using Segmenta.Core.ValueTiers;

namespace Segmenta.Core.Pipelines;

/// <summary>
/// "Features → population statistics → plans → assignment" on any engine: the one segmentation use case the
/// CLI, the server and library users share.
/// </summary>
public static class SegmentationPipeline
{
    /// <summary>Runs the built-in schemes (rfm, rfm_cn8, abc, value_tier), then the user schemes of <see cref="SegmentationOptions.Schemes"/>, on the engine's imported data.</summary>
    public static async Task<SegmentationResult> RunAsync(
        ISegmentationEngine engine, SegmentationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Profitability.Validate();
        if (problems.Count > 0) throw new SegmentaInputException("Profitability settings: " + string.Join(" ", problems));
        var features = await engine.BuildFeaturesAsync(options.AsOf, options.Profitability, cancellationToken).ConfigureAwait(false);
        ClvFeatures.Result? models = null;
        if (options.Clv is not null) models = await ClvFeatures.AddToAsync(engine, options.Clv, cancellationToken).ConfigureAwait(false);
        PropensityStep.Result? propensity = null;
        if (options.Propensity is { } propensityOptions)
        {
            var source = engine as IPropensitySource
                ?? throw new SegmentaInputException($"The {engine.Name} engine cannot compute propensity scores yet; run --propensity on DuckDB. / {engine.Name} 引擎暂不支持倾向评分。");
            propensity = await PropensityStep.RunAsync(source, features.AsOf, propensityOptions, cancellationToken).ConfigureAwait(false);
            await engine.AddFeatureColumnsAsync(propensity.Scores.CustomerIds, propensity.Scores.Columns, cancellationToken).ConfigureAwait(false);
        }
        // Built-ins and user schemes share each histogram (one GROUP BY over all customers per column).
        var cached = new HistogramCachingEngine(engine);
        var builtIns = await PlanBuiltInsAsync(cached, options, cancellationToken).ConfigureAwait(false);
        if (propensity is not null) builtIns = [.. builtIns, ChurnRiskBand.Plan().Plan];
        var (userPlans, userExplanations) = await UserSchemePlanner.PlanAsync(cached, builtIns, options.Schemes, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<SchemePlan> plans = [.. builtIns, .. userPlans];
        var applied = options.LabelLanguage is { } language ? [.. plans, SegmentLabels.Plan(plans, language)] : plans;
        await engine.ApplyPlansAsync(applied, cancellationToken).ConfigureAwait(false);
        // One grouped pass over the customers for every scheme's segment statistics (engines that can).
        var allStats = await engine.SegmentStatsAsync([.. plans.Select(p => p.SegmentColumn)], cancellationToken).ConfigureAwait(false);
        var results = new List<SchemeResult>(plans.Count);
        foreach (var plan in plans) results.Add(new SchemeResult(plan, InDisplayOrder(plan, allStats[plan.SegmentColumn])));
        return new SegmentationResult(engine.Name, features, results)
        {
            Models = models,
            Propensity = propensity,
            Explanations = [.. builtIns.Select(p => SchemeExplanation.FromPlan(p, SchemeExplanation.BuiltInKind)), .. userExplanations],
        };
    }

    /// <summary>Builds the built-in plans from the population's histograms (one GROUP BY per measure).</summary>
    public static async Task<IReadOnlyList<SchemePlan>> PlanBuiltInsAsync(
        ISegmentationEngine engine, SegmentationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        var recency = await engine.HistogramAsync(FeatureNames.RecencyDays, cancellationToken).ConfigureAwait(false);
        var orders = await engine.HistogramAsync(FeatureNames.Orders, cancellationToken).ConfigureAwait(false);
        var monetary = await engine.HistogramAsync(FeatureNames.MonetaryTotal, cancellationToken).ConfigureAwait(false);
        var tierMeasure = options.ValueTier.Measure == FeatureNames.MonetaryTotal
            ? monetary
            : await engine.HistogramAsync(options.ValueTier.Measure, cancellationToken).ConfigureAwait(false);
        var abcMeasure = options.Abc.Measure == FeatureNames.MonetaryTotal
            ? monetary
            : await engine.HistogramAsync(options.Abc.Measure, cancellationToken).ConfigureAwait(false);
        return
        [
            RfmScheme.Plan(recency, orders, monetary, options.Rfm),
            options.RfmCn8Means is [var meanR, var meanF, var meanM] ? RfmCn8Scheme.Plan(meanR, meanF, meanM) : RfmCn8Scheme.Plan(recency, orders, monetary),
            AbcScheme.Plan(abcMeasure, options.Abc),
            ValueTierScheme.Plan(tierMeasure, options.ValueTier),
        ];
    }

    /// <summary>
    /// A scheme's segment statistics in the plan's display order (segments without customers as zero rows, then any key
    /// the plan does not name, by key). Shared by the pipeline and by anything that recounts a scheme (e.g. stability).
    /// </summary>
    public static List<SegmentStats> InDisplayOrder(SchemePlan plan, IReadOnlyList<SegmentStats> stats)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(stats);
        var byKey = stats.ToDictionary(s => s.Segment, StringComparer.Ordinal);
        var ordered = new List<SegmentStats>();
        foreach (var segment in plan.Segments)
            ordered.Add(byKey.Remove(segment.Key, out var s) ? s : new SegmentStats(segment.Key, 0, 0m, 0, 0, 0));
        ordered.AddRange(byKey.Values.OrderBy(s => s.Segment, StringComparer.Ordinal));
        return ordered;
    }
}
