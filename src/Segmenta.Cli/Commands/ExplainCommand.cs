using System.CommandLine;
using System.Globalization;
using Segmenta.Data.Analysis;
using Segmenta.Data.Runs;
using Spectre.Console;

namespace Segmenta.Cli.Commands;

/// <summary><c>segmenta explain</c>: any segmentation of the last run as decision-tree rules, with fidelity (docs/clustering.md).</summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("explain", "Explain a segmentation of the last run (rfm, abc, value_tier, cluster, a user scheme …) as readable decision-tree rules with their fidelity. 用决策树规则解释分群。");
        var scheme = new Option<string>("--scheme") { Description = "Scheme or segment column: rfm, rfm_cn8, abc, value_tier, cluster, …", Required = true };
        var db = new Option<string>("--db") { Description = "DuckDB store of the last run.", DefaultValueFactory = _ => Data.DuckDb.DuckDbStore.DefaultPath };
        var features = new Option<string?>("--features") { Description = "Comma-separated numeric features the rules may use (default: recency_days, orders, frequency, monetary_total, monetary_mean, tenure_days, distinct_products, margin when present)." };
        var depth = new Option<int>("--depth") { Description = "Maximum depth of the tree (at most 2^depth rules).", DefaultValueFactory = _ => Core.Trees.DecisionTreeOptions.DefaultMaxDepth };
        var minLeaf = new Option<int>("--min-leaf") { Description = "Minimum customers per rule.", DefaultValueFactory = _ => Core.Trees.DecisionTreeOptions.DefaultMinLeafSize };
        var lang = new Option<string?>("--lang") { Description = "zh-CN or en; default from the locale." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (rules in both languages)." };
        foreach (var o in new Option[] { scheme, db, features, depth, minLeaf, lang, json }) command.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var language = Language.Resolve(parse.GetValue(lang));
            var list = parse.GetValue(features);
            var request = new ExplainRequest
            {
                Scheme = parse.GetRequiredValue(scheme),
                Database = parse.GetRequiredValue(db),
                Features = string.IsNullOrWhiteSpace(list) ? null : list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                Depth = parse.GetValue(depth),
                MinLeaf = parse.GetValue(minLeaf),
            };
            var result = await ExplainService.ExplainAsync(request, ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(RunSummary.Print(ExplainJson.ToJsonObject(result))).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            var zh = language == Language.Chinese;
            var fidelity = (Math.Floor(result.Fidelity * 1000) / 10).ToString("0.0", CultureInfo.InvariantCulture);
            context.Console.MarkupLine(Markup.Escape(zh
                ? $"{result.SegmentColumn}：决策树（深度 ≤ {request.Depth}，每条规则至少 {request.MinLeaf} 位客户），{result.Tree.Rows:N0} 位客户，保真度 {fidelity}%"
                : $"{result.SegmentColumn}: decision tree (depth ≤ {request.Depth}, at least {request.MinLeaf} customers per rule), {result.Tree.Rows:N0} customers, fidelity {fidelity}%"));
            foreach (var rule in result.Rules) context.Console.MarkupLine(Markup.Escape("  " + result.Text(rule, language)));
            context.Console.MarkupLine(Markup.Escape(zh
                ? "保真度 = 所在规则的预测分群与自身分群一致的客户占比。"
                : "fidelity = share of customers whose rule predicts their own segment."));
            return ExitCodes.Ok;
        });
        return command;
    }
}
