using Segmenta.Core.Numerics;
using Segmenta.Core.Ports;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Rules;

namespace Segmenta.Core.Pipelines;

/// <summary>
/// An engine that asks its inner engine for each column's histogram once per run: the built-ins and every user scheme
/// share them (a histogram is a GROUP BY over all customers). Valid while the feature table does not change; the
/// pipeline wraps the engine only after the features (and model features) are built.
/// </summary>
internal sealed class HistogramCachingEngine(ISegmentationEngine inner) : ISegmentationEngine
{
    private readonly Dictionary<string, ValueHistogram> _histograms = new(StringComparer.Ordinal);

    public string Name => inner.Name;

    public Task<FeatureBuildResult> BuildFeaturesAsync(DateOnly? asOf, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The histogram cache is only valid after the features are built.");

    public Task<IReadOnlyDictionary<string, FeatureType>> FeatureTypesAsync(CancellationToken cancellationToken) =>
        inner.FeatureTypesAsync(cancellationToken);

    public async Task<ValueHistogram> HistogramAsync(string column, CancellationToken cancellationToken)
    {
        if (!_histograms.TryGetValue(column, out var histogram))
        {
            histogram = await inner.HistogramAsync(column, cancellationToken).ConfigureAwait(false);
            _histograms[column] = histogram;
        }
        return histogram;
    }

    public Task<CustomerHistories> ReadHistoriesAsync(CancellationToken cancellationToken) => inner.ReadHistoriesAsync(cancellationToken);

    /// <summary>Adds columns (a kmeans scheme's cluster numbers): the histograms of the other columns stay valid.</summary>
    public Task AddFeatureColumnsAsync(IReadOnlyList<string> customerIds, IReadOnlyList<(string Name, double[] Values)> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        foreach (var (name, _) in columns) _histograms.Remove(name);
        return inner.AddFeatureColumnsAsync(customerIds, columns, cancellationToken);
    }

    public Task<(IReadOnlyList<string> CustomerIds, double[][] Columns)> ReadFeatureColumnsAsync(IReadOnlyList<string> columns, CancellationToken cancellationToken) =>
        inner.ReadFeatureColumnsAsync(columns, cancellationToken);

    public Task ApplyPlansAsync(IReadOnlyList<SchemePlan> plans, CancellationToken cancellationToken) => inner.ApplyPlansAsync(plans, cancellationToken);

    public Task<IReadOnlyList<SegmentStats>> SegmentStatsAsync(string segmentColumn, CancellationToken cancellationToken) =>
        inner.SegmentStatsAsync(segmentColumn, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<SegmentStats>>> SegmentStatsAsync(IReadOnlyList<string> segmentColumns, CancellationToken cancellationToken) =>
        inner.SegmentStatsAsync(segmentColumns, cancellationToken);
}
