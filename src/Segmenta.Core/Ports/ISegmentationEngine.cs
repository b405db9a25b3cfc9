using Segmenta.Core.Numerics;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Schemes;

namespace Segmenta.Core.Ports;

/// <summary>
/// What the segmentation pipeline needs from a SQL engine (DuckDB, PostgreSQL, ClickHouse). Heavy scans run
/// inside the engine; only histograms and per-segment aggregates come back.
/// </summary>
public interface ISegmentationEngine
{
    /// <summary>Engine name (<c>duckdb</c>, <c>postgres</c>, <c>clickhouse</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Builds the per-customer feature table from the imported transactions (and customer attributes, when
    /// imported) as of <paramref name="asOf"/>; null means the day after the last transaction.
    /// </summary>
    Task<FeatureBuildResult> BuildFeaturesAsync(DateOnly? asOf, CancellationToken cancellationToken);

    /// <summary>
    /// Builds the feature table as <see cref="BuildFeaturesAsync(DateOnly?, CancellationToken)"/> does, plus the interaction,
    /// survey and profitability features when those inputs were imported (docs/features.md). Engines that import only
    /// transactions and customers need not override it.
    /// </summary>
    Task<FeatureBuildResult> BuildFeaturesAsync(DateOnly? asOf, ProfitabilityOptions profitability, CancellationToken cancellationToken) =>
        BuildFeaturesAsync(asOf, cancellationToken);

    /// <summary>
    /// The type of every column of the feature table, so user schemes type-check against the real data (attributes,
    /// model features). The default knows only the standard features; engines override it.
    /// </summary>
    Task<IReadOnlyDictionary<string, Schemes.Rules.FeatureType>> FeatureTypesAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Schemes.Rules.FeatureSchema.StandardFeatures);

    /// <summary>The distribution of one numeric feature column over the customers.</summary>
    Task<ValueHistogram> HistogramAsync(string column, CancellationToken cancellationToken);

    /// <summary>Reads every customer's BTYD inputs (frequency, tₓ and T in days, mean repeat spend) from the feature table.</summary>
    Task<CustomerHistories> ReadHistoriesAsync(CancellationToken cancellationToken);

    /// <summary>Adds numeric columns to the feature table, one value per customer id (customers not listed get null).</summary>
    Task AddFeatureColumnsAsync(IReadOnlyList<string> customerIds, IReadOnlyList<(string Name, double[] Values)> columns, CancellationToken cancellationToken);

    /// <summary>
    /// Reads numeric feature columns of every customer (for fitting a scheme of kind kmeans), ordered by customer id;
    /// a null becomes NaN. Engines that cannot say so with a <see cref="SegmentaInputException"/>.
    /// </summary>
    Task<(IReadOnlyList<string> CustomerIds, double[][] Columns)> ReadFeatureColumnsAsync(IReadOnlyList<string> columns, CancellationToken cancellationToken) =>
        Task.FromException<(IReadOnlyList<string>, double[][])>(new SegmentaInputException(
            $"The {Name} engine cannot fit schemes of kind kmeans yet: run them on DuckDB (the default engine). / {Name} 引擎暂不支持 kmeans 方案，请使用 DuckDB。"));

    /// <summary>Computes every plan's derived columns for every customer into the segment table.</summary>
    Task ApplyPlansAsync(IReadOnlyList<SchemePlan> plans, CancellationToken cancellationToken);

    /// <summary>Per-segment customers, revenue and mean R/F/M for one segment column of the segment table.</summary>
    Task<IReadOnlyList<SegmentStats>> SegmentStatsAsync(string segmentColumn, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="SegmentStatsAsync(string, CancellationToken)"/> for several segment columns at once (keyed by column).
    /// Engines that can should answer in one grouped pass over the customers; the default asks column by column.
    /// </summary>
    async Task<IReadOnlyDictionary<string, IReadOnlyList<SegmentStats>>> SegmentStatsAsync(IReadOnlyList<string> segmentColumns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segmentColumns);
        var stats = new Dictionary<string, IReadOnlyList<SegmentStats>>(StringComparer.Ordinal);
        foreach (var column in segmentColumns.Distinct(StringComparer.Ordinal))
            stats[column] = await SegmentStatsAsync(column, cancellationToken).ConfigureAwait(false);
        return stats;
    }
}
