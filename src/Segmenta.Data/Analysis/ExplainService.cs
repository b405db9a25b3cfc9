using System.Diagnostics;
using Segmenta.Core;
using Segmenta.Core.Abc;
using Segmenta.Core.Customers;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Rfm;
using Segmenta.Core.Schemes;
using Segmenta.Core.Trees;
using Segmenta.Core.ValueTiers;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Sql;

namespace Segmenta.Data.Analysis;

/// <summary>
/// The "explain a segmentation" application service (CLI <c>segmenta explain</c>, the server): fits a shallow CART
/// tree (<see cref="DecisionTree"/>) predicting a segment column of the last run from readable features and returns
/// its rules, in both languages, with the overall fidelity.
/// </summary>
public static class ExplainService
{
    /// <summary>The readable features explained with by default (those present with values in the store are used).</summary>
    public static IReadOnlyList<string> DefaultFeatures { get; } =
    [
        FeatureNames.RecencyDays, FeatureNames.Orders, FeatureNames.Frequency, FeatureNames.MonetaryTotal,
        FeatureNames.MonetaryMean, FeatureNames.TenureDays, FeatureNames.DistinctProducts, FeatureNames.Margin,
    ];

    private static readonly Dictionary<string, string> BuiltInColumns = new(StringComparer.Ordinal)
    {
        [RfmScheme.Name] = RfmScheme.SegmentColumn,
        [AbcScheme.Name] = AbcScheme.SegmentColumn,
        [ValueTierScheme.Name] = ValueTierScheme.SegmentColumn,
        [RfmCn8Scheme.Name] = RfmCn8Scheme.SegmentColumn,
    };

    private static readonly SqlDialect Dialect = DuckDbDialect.Instance;

    /// <summary>Explains the segment column of <see cref="ExplainRequest.Scheme"/>.</summary>
    /// <exception cref="SegmentaInputException">No segmented customers, an unknown scheme or feature, or bad depth / leaf size.</exception>
    public static async Task<ExplainResult> ExplainAsync(ExplainRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = new DecisionTreeOptions { MaxDepth = request.Depth, MinLeafSize = request.MinLeaf };
        var problems = options.Validate();
        if (problems.Count > 0) throw new SegmentaInputException("--depth / --min-leaf: " + string.Join(" ", problems));
        var clock = Stopwatch.StartNew();
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        using var connection = DuckDbStore.Open(request.Database);
        var engine = new DuckDbEngine(connection);
        SegmentTable.Require(engine, request.Database);
        var column = ResolveColumn(engine, request.Scheme);
        var features = request.Features ?? PresentDefaults(engine);
        SegmentTable.CheckFeatures(engine, features, "--features");
        if (features.Contains(column, StringComparer.Ordinal))
            throw new SegmentaInputException($"--features: \"{column}\" is the segment column being explained; leave it out.");
        var (_, columns, labels) = SegmentTable.ReadColumns(engine, features, column);
        seconds["read"] = Math.Round(clock.Elapsed.TotalSeconds, 3);
        clock.Restart();
        var tree = DecisionTree.Fit(features, columns, labels!, options);
        var rules = TreeRules.Extract(tree);
        seconds["fit"] = Math.Round(clock.Elapsed.TotalSeconds, 3);
        var known = await LabelsAsync(engine, request.Scheme, column, cancellationToken).ConfigureAwait(false);
        var classLabels = tree.Classes.Select(key => known.TryGetValue(key, out var label) ? label
            : key.Length == 0 ? new LocalizedText("（无）", "(none)") : new LocalizedText(key, key)).ToList();
        Reporting.AnalysisRecordStore.Save(connection, Reporting.ExplainRecord.From(request.Scheme, column, tree, rules));
        return new ExplainResult(request.Scheme, column, tree, rules, classLabels, seconds);
    }

    private static string ResolveColumn(DuckDbEngine engine, string scheme)
    {
        var columns = engine.TableColumns(DuckDbEngine.SegmentsTable);
        if (BuiltInColumns.TryGetValue(scheme, out var builtIn) && columns.Contains(builtIn)) return builtIn;
        if (columns.Contains(scheme) && scheme != FeatureNames.CustomerId) return scheme;
        var candidates = BuiltInColumns.Keys.Where(k => columns.Contains(BuiltInColumns[k]))
            .Concat(SegmentCatalogueColumns(engine).Where(columns.Contains));
        throw new SegmentaInputException($"--scheme {scheme}: no such segment column in the last run. Use one of: {string.Join(", ", candidates)} (or any column of customer_segments).");
    }

    private static List<string> SegmentCatalogueColumns(DuckDbEngine engine)
    {
        var list = new List<string>();
        if (!engine.TableExists(SegmentCatalogue.Table)) return list;
        using var reader = engine.Query($"SELECT DISTINCT segment_column FROM {SegmentCatalogue.Table} ORDER BY 1");
        while (reader.Read()) list.Add(reader.GetString(0));
        return list;
    }

    private static List<string> PresentDefaults(DuckDbEngine engine)
    {
        var numeric = SegmentTable.NumericColumns(engine, DuckDbEngine.SegmentsTable);
        var present = new List<string>();
        foreach (var f in DefaultFeatures.Where(f => numeric.Contains(f, StringComparer.Ordinal)))
        {
            using var reader = engine.Query($"SELECT count({Dialect.QuoteIdentifier(f)}) FROM {DuckDbEngine.SegmentsTable}");
            reader.Read();
            if (reader.GetInt64(0) > 0) present.Add(f);
        }
        return present;
    }

    /// <summary>Bilingual labels of the column's keys: the catalogue, else the built-in plan, else the run's label column.</summary>
    private static async Task<Dictionary<string, LocalizedText>> LabelsAsync(DuckDbEngine engine, string scheme, string column, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var s in SegmentCatalogue.Load(engine, column)) labels[s.Key] = s.Label;
        if (labels.Count > 0) return labels;
        if (BuiltInColumns.ContainsKey(scheme) || BuiltInColumns.ContainsValue(column))
        {
            var plans = await SegmentationPipeline.PlanBuiltInsAsync(engine, new SegmentationOptions(), cancellationToken).ConfigureAwait(false);
            foreach (var s in plans.Where(p => p.SegmentColumn == column).SelectMany(p => p.Segments)) labels[s.Key] = s.Label;
            if (labels.Count > 0) return labels;
        }
        var labelColumn = column + "_label";
        if (engine.TableColumns(DuckDbEngine.SegmentsTable).Contains(labelColumn))
        {
            using var reader = engine.Query($"SELECT CAST({Dialect.QuoteIdentifier(column)} AS VARCHAR), any_value(CAST({Dialect.QuoteIdentifier(labelColumn)} AS VARCHAR)) FROM {DuckDbEngine.SegmentsTable} WHERE {Dialect.QuoteIdentifier(column)} IS NOT NULL GROUP BY 1");
            while (reader.Read())
            {
                if (!reader.IsDBNull(1)) labels[reader.GetString(0)] = new LocalizedText(reader.GetString(1), reader.GetString(1));
            }
        }
        return labels;
    }
}
