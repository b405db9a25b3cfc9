using Segmenta.Core;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Recommendations;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Output;

namespace Segmenta.Data.Recommendations;

/// <summary>
/// The <c>recommend</c> application service: import → segments (a built-in scheme or an attribute column) →
/// product affinity per segment → top-N new items per customer, co-purchase pairs and category preferences →
/// files; optionally the hit rate on a holdout period against the popularity baseline.
/// Counting runs as SQL in DuckDB (<see cref="ProductQueries"/>); ranking is Core's (<see cref="SegmentRecommender"/>).
/// </summary>
public static class RecommendationRunner
{
    /// <summary>Runs it. Bad input throws <see cref="SegmentaInputException"/>.</summary>
    public static async Task<RecommendationResult> RunAsync(RecommendationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Options.Top);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var steps = new Dictionary<string, double>(StringComparer.Ordinal);
        void Lap(string step)
        {
            steps[step] = Math.Round(clock.Elapsed.TotalSeconds, 3);
            clock.Restart();
        }
        using var connection = DuckDbStore.Open(request.Database);
        if (request.Transactions is { } t) Importer.Import(connection, t, cancellationToken);
        if (request.Customers is { } c) Importer.Import(connection, c with { Kind = ImportKind.Customers }, cancellationToken);
        var engine = new DuckDbEngine(connection);
        var queries = new ProductQueries(engine);
        if (!engine.TableExists(DuckDbEngine.TransactionsTable))
            throw new SegmentaInputException($"{request.Database}: no imported transactions. Give --input FILE. / 数据库中没有交易数据。");
        queries.RequireProducts(request.Transactions?.Path ?? request.Database);
        var productsLoaded = request.ProductsFile is not null;
        if (request.ProductsFile is { } productsFile) queries.LoadProducts(productsFile);
        var (categorySql, categorySource) = queries.CategoryExpression(productsLoaded);
        Lap("import");

        RecommendationEvaluation? evaluation = null;
        if (request.SplitDate is { } split)
            evaluation = await EvaluateAsync(engine, queries, request, split, cancellationToken).ConfigureAwait(false);
        if (evaluation is not null) Lap("evaluate");

        var (asOf, column, labels) = await SegmentAsync(engine, request.Scheme, request.AsOf, request.Language, cancellationToken).ConfigureAwait(false);
        Lap("segment");
        var segments = queries.Segments(column);
        var affinity = ProductAffinity.Compute(queries.SegmentItemCounts(column, asOf));
        var recommender = SegmentRecommender.Build(affinity, request.Options);
        var bought = queries.Bought(null, asOf);
        Lap("count");
        var empty = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<(string Customer, string Segment, Recommendation Rec)>();
        foreach (var (customer, segment) in segments.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var rec in recommender.Recommend(segment, bought.TryGetValue(customer, out var b) ? b : empty))
                rows.Add((customer, segment, rec));
        }
        Lap("recommend");

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var needCategories = request.OutputFile is not null || request.AffinityFile is not null || request.AlsoBoughtFile is not null;
        var categories = needCategories ? queries.ProductCategories(categorySql, productsLoaded) : [];
        string Category(string item) => categories.TryGetValue(item, out var cat) ? cat : "";
        string Label(string segment) => labels.TryGetValue(segment, out var l) ? l : segment;
        if (request.OutputFile is { } outFile)
        {
            ResultTable.WriteCsv(connection, Prepare(outFile), rows.Count,
            [
                new("customer_id", "VARCHAR", i => rows[i].Customer),
                new("segment", "VARCHAR", i => rows[i].Segment),
                new("segment_label", "VARCHAR", i => Label(rows[i].Segment)),
                new("rank", "BIGINT", i => (long)rows[i].Rec.Rank),
                new("product_id", "VARCHAR", i => rows[i].Rec.Item),
                new("category", "VARCHAR", i => Category(rows[i].Rec.Item)),
                new("score", "DOUBLE", i => Math.Round(rows[i].Rec.Score, 6)),
                new("lift", "DOUBLE", i => double.IsFinite(rows[i].Rec.Lift) ? Math.Round(rows[i].Rec.Lift, 4) : null),
                new("source", "VARCHAR", i => rows[i].Rec.FromSegment ? "segment" : "popular"),
                new("reason", "VARCHAR", i => RecommendationReasons.For(rows[i].Rec, Label(rows[i].Segment), request.Language)),
            ], "customer_id, \"rank\"");
            files["recommendations_csv"] = outFile;
            Lap("write_recommendations");
        }
        if (request.AffinityFile is { } affinityFile)
        {
            ResultTable.WriteCsv(connection, Prepare(affinityFile), affinity.Count,
            [
                new("segment", "VARCHAR", i => affinity[i].Segment),
                new("segment_label", "VARCHAR", i => Label(affinity[i].Segment)),
                new("product_id", "VARCHAR", i => affinity[i].Item),
                new("category", "VARCHAR", i => Category(affinity[i].Item)),
                new("segment_purchases", "BIGINT", i => affinity[i].SegmentPurchases),
                new("segment_share", "DOUBLE", i => Math.Round(affinity[i].SegmentShare, 8)),
                new("overall_share", "DOUBLE", i => Math.Round(affinity[i].OverallShare, 8)),
                new("lift", "DOUBLE", i => Math.Round(affinity[i].Lift, 6)),
            ], "segment, lift DESC, product_id");
            files["affinity_csv"] = affinityFile;
        }
        if (request.AlsoBoughtFile is { } alsoFile)
        {
            var (pairs, buyers, customers) = queries.CoOccurrence(asOf, 2);
            var also = CoPurchase.Score(pairs, buyers, customers, request.AlsoBoughtTop);
            ResultTable.WriteCsv(connection, Prepare(alsoFile), also.Count,
            [
                new("product_id", "VARCHAR", i => also[i].Item),
                new("rank", "BIGINT", i => (long)also[i].Rank),
                new("also_bought", "VARCHAR", i => also[i].Other),
                new("also_bought_category", "VARCHAR", i => Category(also[i].Other)),
                new("customers_both", "BIGINT", i => also[i].Both),
                new("cosine", "DOUBLE", i => Math.Round(also[i].Cosine, 6)),
                new("lift", "DOUBLE", i => Math.Round(also[i].Lift, 4)),
            ], "product_id, \"rank\"");
            files["also_bought_csv"] = alsoFile;
            Lap("also_bought");
        }
        if (request.PreferencesFile is { } prefFile)
        {
            var prefs = CategoryPreferences.Compute(queries.CategoryCounts(categorySql, productsLoaded, asOf));
            ResultTable.WriteCsv(connection, Prepare(prefFile), prefs.Count,
            [
                new("customer_id", "VARCHAR", i => prefs[i].Customer),
                new("segment", "VARCHAR", i => segments.GetValueOrDefault(prefs[i].Customer, "")),
                new("purchases", "BIGINT", i => prefs[i].Purchases),
                new("top_category", "VARCHAR", i => prefs[i].TopCategory),
                new("top_share", "DOUBLE", i => Math.Round(prefs[i].TopShare, 4)),
                new("preference_type", "VARCHAR", i => prefs[i].PreferenceType),
                new("preference_label", "VARCHAR", i => prefs[i].PreferenceLabel(request.Language)),
                new("category_mix", "VARCHAR", i => string.Join("; ", prefs[i].Mix.Select(m => $"{m.Category} {Math.Round(m.Share * 100, 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}%"))),
            ], "customer_id");
            files["preferences_csv"] = prefFile;
        }
        var customersWithRecs = rows.Select(r => r.Customer).Distinct(StringComparer.Ordinal).Count();
        return new RecommendationResult(request.Scheme, column, asOf, customersWithRecs, rows.Count, categorySource, evaluation, files) { StepSeconds = steps };
    }

    private static async Task<RecommendationEvaluation> EvaluateAsync(
        DuckDbEngine engine, ProductQueries queries, RecommendationRequest request, DateOnly split, CancellationToken cancellationToken)
    {
        var (asOf, column, _) = await SegmentAsync(engine, request.Scheme, split, request.Language, cancellationToken).ConfigureAwait(false);
        var last = request.HoldoutEnd ?? LastDate(engine);
        if (last <= asOf)
            throw new SegmentaInputException($"--split-date {split:yyyy-MM-dd}: there are no transactions after it (last {last:yyyy-MM-dd}). Choose an earlier split date. / 切分日之后没有交易。");
        var segments = queries.Segments(column);
        var affinity = ProductAffinity.Compute(queries.SegmentItemCounts(column, asOf));
        var recommender = SegmentRecommender.Build(affinity, request.Options);
        var popularity = new PopularityRecommender(affinity, request.Options.Top);
        var before = queries.Bought(null, asOf);
        var after = queries.Bought(asOf, last);
        var empty = new HashSet<string>(StringComparer.Ordinal);
        var fresh = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var bySegment = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var byPopularity = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (customer, items) in after)
        {
            // Only customers who had a segment at the split (they bought before it) are evaluated.
            if (!segments.TryGetValue(customer, out var segment)) continue;
            var had = before.TryGetValue(customer, out var b) ? b : empty;
            fresh[customer] = items.Where(i => !had.Contains(i)).ToHashSet(StringComparer.Ordinal);
            bySegment[customer] = [.. recommender.Recommend(segment, had).Select(r => r.Item)];
            byPopularity[customer] = [.. popularity.Recommend(had).Select(r => r.Item)];
        }
        return new RecommendationEvaluation(asOf, last, request.Options.Top, HitRate.Compute(bySegment, fresh), HitRate.Compute(byPopularity, fresh));
    }

    /// <summary>Builds features and the built-in schemes as of <paramref name="asOf"/>; resolves the scheme name to its segment column and labels.</summary>
    private static async Task<(DateOnly AsOf, string Column, Dictionary<string, string> Labels)> SegmentAsync(
        DuckDbEngine engine, string scheme, DateOnly? asOf, string language, CancellationToken cancellationToken)
    {
        var result = await SegmentationPipeline.RunAsync(engine, new SegmentationOptions { AsOf = asOf }, cancellationToken).ConfigureAwait(false);
        var plan = result.Schemes.Select(s => s.Plan).FirstOrDefault(p => p.Scheme == scheme || p.SegmentColumn == scheme);
        if (plan is not null)
            return (result.Features.AsOf, plan.SegmentColumn, plan.Segments.ToDictionary(s => s.Key, s => s.Label.For(language), StringComparer.Ordinal));
        var columns = engine.TableColumns(DuckDbEngine.SegmentsTable);
        if (columns.Contains(scheme) && scheme != "customer_id")
            return (result.Features.AsOf, scheme, new Dictionary<string, string>(StringComparer.Ordinal));
        throw new SegmentaInputException(
            $"--scheme {scheme}: not a built-in scheme ({string.Join(", ", result.Schemes.Select(s => s.Name))}) or a customer column ({string.Join(", ", columns.Where(c => c != "customer_id"))}). / 未知的分群方案。");
    }

    private static DateOnly LastDate(DuckDbEngine engine)
    {
        using var r = engine.Query($"SELECT max(order_date) FROM {DuckDbEngine.TransactionsTable}");
        r.Read();
        return r.GetFieldValue<DateOnly>(0);
    }

    private static string Prepare(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        return path;
    }
}
