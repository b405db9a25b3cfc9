using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Segmenta.Core.Recommendations;
using Segmenta.Data.Recommendations;
using Segmenta.Data.Runs;

namespace Segmenta.Cli.Commands;

/// <summary><c>segmenta recommend</c>: top-N new products per customer from the segment's high-lift items, co-purchase and preferences.</summary>
internal static class RecommendCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("recommend", "Recommend to every customer the products their segment buys most (P(product | segment) = lift x overall share) that they have not bought yet; optionally evaluate the hit rate on a holdout period against the popularity baseline. 按分群推荐商品。");
        var source = new SourceOptions();
        var scheme = new Option<string>("--scheme", "-s") { Description = "Segments from a built-in scheme (rfm, rfm_cn8, abc, value_tier) or a customer column such as industry.", Required = true };
        var top = new Option<int>("--top", "-n") { Description = "Recommendations per customer.", DefaultValueFactory = _ => RecommendationOptions.DefaultTop };
        var output = new Option<string?>("--out", "-o") { Description = "Recommendations CSV: customer_id, segment, rank, product_id, score, reason …" };
        var products = new Option<string?>("--products") { Description = "Product attributes CSV with columns product_id, category (default: the transactions' category column, else the product id prefix before - _ /)." };
        var asOf = new Option<string?>("--as-of") { Description = "Last day used, yyyy-MM-dd; default: the day after the last transaction." };
        var evaluate = new Option<bool>("--evaluate") { Description = "Also measure hit rate @N after --split-date against the popularity baseline." };
        var split = new Option<string?>("--split-date") { Description = "Evaluation: segments and history up to this day, hits after it (yyyy-MM-dd)." };
        var holdoutEnd = new Option<string?>("--holdout-end") { Description = "Evaluation: last holdout day (default: the last transaction day)." };
        var affinity = new Option<string?>("--affinity-out") { Description = "Segment × product lift CSV." };
        var also = new Option<string?>("--also-bought-out") { Description = "\"Customers who bought X also bought Y\" CSV (co-occurrence count, cosine, lift)." };
        var prefs = new Option<string?>("--preferences-out") { Description = "Per-customer category mix and preference type (dominant category if its share >= 0.6, else mixed)." };
        var minLift = new Option<double>("--min-lift") { Description = "Segment candidates need a lift above this (1 = only products the segment over-buys; default 0 = all).", DefaultValueFactory = _ => RecommendationOptions.DefaultMinLift };
        var minSupport = new Option<int>("--min-support") { Description = "Segment candidates need at least this many purchases in the segment.", DefaultValueFactory = _ => RecommendationOptions.DefaultMinSupport };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var lang = new Option<string?>("--lang") { Description = "zh-CN or en (reasons, labels); default from the locale." };
        source.AddTo(command);
        foreach (var o in new Option[] { scheme, top, output, products, asOf, evaluate, split, holdoutEnd, affinity, also, prefs, minLift, minSupport, json, lang }) command.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(top);
            if (n is < 1 or > 100) throw new UsageException($"--top {n}: use 1 to 100.");
            if (parse.GetValue(evaluate) && parse.GetValue(split) is null) throw new UsageException("--evaluate needs --split-date DATE. / --evaluate 需要 --split-date。");
            var language = Language.Resolve(parse.GetValue(lang));
            var request = new RecommendationRequest
            {
                Transactions = source.Transactions(parse),
                Customers = source.CustomerFile(parse),
                Database = source.Database(parse),
                ProductsFile = parse.GetValue(products),
                Scheme = parse.GetRequiredValue(scheme),
                AsOf = parse.GetValue(asOf) is { } a ? CliDates.Parse("--as-of", a) : null,
                SplitDate = parse.GetValue(evaluate) ? CliDates.Parse("--split-date", parse.GetValue(split)) : null,
                HoldoutEnd = parse.GetValue(holdoutEnd) is { } h ? CliDates.Parse("--holdout-end", h) : null,
                Options = new RecommendationOptions { Top = n, MinLift = parse.GetValue(minLift), MinSupport = parse.GetValue(minSupport) },
                Language = language,
                OutputFile = parse.GetValue(output),
                AffinityFile = parse.GetValue(affinity),
                AlsoBoughtFile = parse.GetValue(also),
                PreferencesFile = parse.GetValue(prefs),
            };
            var result = await RecommendationRunner.RunAsync(request, ct).ConfigureAwait(false);
            if (parse.GetValue(json))
                await context.Out.WriteLineAsync(RunSummary.Print(ToJson(result))).ConfigureAwait(false);
            else
                Print(context, result, language == Language.Chinese);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static JsonObject ToJson(RecommendationResult r) => new()
    {
        ["scheme"] = r.Scheme,
        ["segment_column"] = r.SegmentColumn,
        ["as_of"] = r.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["customers"] = r.Customers,
        ["recommendations"] = r.Recommendations,
        ["category_source"] = r.CategorySource,
        ["evaluation"] = r.Evaluation is not { } e ? null : new JsonObject
        {
            ["split_date"] = e.SplitDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["holdout_end"] = e.HoldoutEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["top"] = e.Top,
            ["customers"] = e.Segment.Customers,
            ["segment_hits"] = e.Segment.Hits,
            ["segment_hit_rate"] = Math.Round(e.Segment.Rate, 6),
            ["popularity_hits"] = e.Popularity.Hits,
            ["popularity_hit_rate"] = Math.Round(e.Popularity.Rate, 6),
        },
        ["files"] = new JsonObject([.. r.Files.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))]),
        ["seconds"] = new JsonObject([.. r.StepSeconds.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))]),
    };

    private static void Print(CliContext context, RecommendationResult r, bool zh)
    {
        var inv = CultureInfo.InvariantCulture;
        var o = context.Out;
        o.WriteLine(zh
            ? string.Create(inv, $"按 {r.Scheme}（{r.SegmentColumn}）分群，截至 {r.AsOf:yyyy-MM-dd}：{r.Customers:N0} 位客户共 {r.Recommendations:N0} 条推荐；品类来源 {r.CategorySource}")
            : string.Create(inv, $"segments from {r.Scheme} ({r.SegmentColumn}) as of {r.AsOf:yyyy-MM-dd}: {r.Recommendations:N0} recommendations for {r.Customers:N0} customers; categories from {r.CategorySource}"));
        if (r.Evaluation is { } e)
        {
            o.WriteLine(zh
                ? string.Create(inv, $"验证（{e.SplitDate:yyyy-MM-dd} 之后至 {e.HoldoutEnd:yyyy-MM-dd}，{e.Segment.Customers:N0} 位购买了新商品的客户）：命中率@{e.Top} 分群推荐 {e.Segment.Rate:P2}，热销基线 {e.Popularity.Rate:P2}")
                : string.Create(inv, $"holdout after {e.SplitDate:yyyy-MM-dd} to {e.HoldoutEnd:yyyy-MM-dd}, {e.Segment.Customers:N0} customers who bought a new product: hit rate@{e.Top} segment {e.Segment.Rate:P2} vs popularity {e.Popularity.Rate:P2}"));
        }
        foreach (var (key, path) in r.Files) o.WriteLine($"wrote {key}: {path}");
    }
}
