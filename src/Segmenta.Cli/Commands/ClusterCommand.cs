using System.CommandLine;
using System.Globalization;
using Segmenta.Cli.Rendering;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Data.Analysis;
using Segmenta.Data.Runs;
using Spectre.Console;

namespace Segmenta.Cli.Commands;

/// <summary><c>segmenta cluster</c>: k-means segmentation with automatic k, profiles and bilingual names (docs/clustering.md).</summary>
internal static class ClusterCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("cluster", "Cluster customers by k-means over chosen features, choose k by silhouette, profile and name the clusters, and store them as segment column \"cluster\". 用 k-means 聚类客户并自动命名。");
        var input = new InputOptions();
        input.Input.Required = false;
        input.Input.Description = "Transactions file to import and segment first; without it the last run in --db is clustered.";
        var features = new Option<string?>("--features") { Description = "Comma-separated numeric features (default recency_days,orders,monetary_total,tenure_days)." };
        var k = new Option<int?>("--k") { Description = "A fixed number of clusters." };
        var kRange = new Option<string?>("--k-range") { Description = "Range of k to choose from by silhouette, e.g. 2..10 (default)." };
        var seed = new Option<long>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => Core.Clustering.KMeansOptions.DefaultSeed };
        var restarts = new Option<int>("--restarts") { Description = "k-means++ restarts per k.", DefaultValueFactory = _ => Core.Clustering.KMeansOptions.DefaultRestarts };
        var log1p = new Option<string>("--log1p") { Description = "auto (skewed non-negative features), always, never, or a comma-separated list of features.", DefaultValueFactory = _ => "auto" };
        var winsorize = new Option<string?>("--winsorize") { Description = "Clamp each feature at two quantiles first, e.g. 0.01,0.99." };
        var name = new Option<string>("--name") { Description = "Segment column to write.", DefaultValueFactory = _ => Core.Clustering.KMeansScheme.DefaultName };
        var output = new OutputOptions("segmenta-output");
        input.AddTo(command);
        foreach (var o in new Option[] { features, k, kRange, seed, restarts, log1p, winsorize, name }) command.Add(o);
        command.Add(output.Out);
        command.Add(output.Json);
        command.Add(output.Lang);
        command.SetAction(async (parse, ct) =>
        {
            var language = Language.Resolve(parse.GetValue(output.Lang));
            var settings = Settings(parse.GetValue(features), parse.GetValue(k), parse.GetValue(kRange), parse.GetValue(seed), parse.GetValue(restarts), parse.GetValue(log1p)!, parse.GetValue(winsorize));
            var db = parse.GetRequiredValue(input.Db);
            var request = new ClusteringRequest
            {
                Database = db,
                Segmentation = parse.GetValue(input.Input) is null ? null : new SegmentationRequest
                {
                    Transactions = input.Transactions(parse),
                    Customers = input.CustomerFile(parse),
                    Database = db,
                    Options = new Core.Pipelines.SegmentationOptions { LabelLanguage = language },
                },
                Scheme = parse.GetRequiredValue(name),
                Settings = settings,
                Language = language,
                OutputDirectory = parse.GetValue(output.Out),
            };
            var json = parse.GetValue(output.Json);
            var run = await ClusteringService.RunAsync(request, null, ct).ConfigureAwait(false);
            var customers = run.Assignment.CustomerIds.Count;
            if (json) await context.Out.WriteLineAsync(ClusteringJson.ToJson(run, customers)).ConfigureAwait(false);
            else Render(context, run, language);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static KMeansSettings Settings(string? features, int? k, string? kRange, long seed, int restarts, string log1p, string? winsorize)
    {
        if (k is not null && kRange is not null) throw new UsageException("give --k or --k-range, not both.");
        var settings = new KMeansSettings { Seed = seed, Restarts = restarts, K = k };
        if (!string.IsNullOrWhiteSpace(features)) settings = settings with { Features = List(features) };
        if (kRange is not null)
        {
            var parts = kRange.Split("..", StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var lo) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var hi))
                throw new UsageException($"--k-range {kRange}: write it as MIN..MAX, e.g. 2..10.");
            settings = settings with { MinK = lo, MaxK = hi };
        }
        settings = log1p.ToLowerInvariant() switch
        {
            "auto" or "always" or "never" => settings with { Log1p = log1p.ToLowerInvariant() },
            _ => settings with { Log1pFeatures = List(log1p) },
        };
        if (winsorize is not null)
        {
            var values = winsorize.Split(',', StringSplitOptions.TrimEntries);
            var parsed = values.Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p : double.NaN).ToList();
            if (parsed.Count != 2 || parsed.Any(double.IsNaN)) throw new UsageException($"--winsorize {winsorize}: give two probabilities, e.g. 0.01,0.99.");
            settings = settings with { Winsorize = parsed };
        }
        var problems = settings.Validate();
        if (problems.Count > 0) throw new UsageException(string.Join(" ", problems));
        return settings;
    }

    private static string[] List(string text) => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static void Render(CliContext context, ClusteringRun run, string language)
    {
        var zh = language == Language.Chinese;
        var result = run.Assignment.Result;
        var features = result.Model.Features;
        if (run.Segmentation is { } seg) RunReportRenderer.RenderLoad(context, seg.Transactions, language);
        var scores = new Table { Title = new TableTitle(zh ? "k 的选择（轮廓系数最大者）" : "choosing k (highest silhouette)") };
        scores.AddColumns("k", zh ? "轮廓系数" : "Silhouette", zh ? "组内平方和" : "Inertia", "Calinski–Harabasz", "");
        foreach (var s in result.Scores)
        {
            scores.AddRow(s.K.ToString(CultureInfo.InvariantCulture), F(s.Silhouette, "0.000"), F(s.Inertia, "N0"), F(s.CalinskiHarabasz, "N0"),
                s.K == result.ChosenK ? (zh ? "← 选用" : "← chosen") : "");
        }
        context.Console.Write(scores);
        var profiles = new Table { Title = new TableTitle(Markup.Escape(zh ? $"{run.Scheme}：{result.ChosenK} 个客户群" : $"{run.Scheme}: {result.ChosenK} clusters")) };
        profiles.AddColumns(zh ? "群" : "Cluster", zh ? "名称" : "Name", zh ? "客户数" : "Customers", zh ? "占比" : "Share");
        foreach (var f in features) profiles.AddColumn(Markup.Escape(Core.Customers.FeatureLabels.For(f).For(language) + (zh ? "（均值 / z）" : " (mean / z)")));
        foreach (var p in run.Assignment.Profiles)
        {
            var cells = new List<string> { p.Key, Markup.Escape(p.Name.For(language)), p.Size.ToString("N0", CultureInfo.InvariantCulture), p.Share.ToString("P1", CultureInfo.InvariantCulture) };
            cells.AddRange(features.Select((_, j) => $"{F(p.Means[j], "N1")} / {F(p.ZScores[j], "+0.00;-0.00")}"));
            profiles.AddRow([.. cells]);
        }
        context.Console.Write(profiles);
        var transforms = string.Join(", ", result.Model.Transform.Columns.Select(c => c.Log1p ? $"log1p({c.Name})" : c.Name));
        context.Console.MarkupLine(Markup.Escape((zh ? "特征变换：" : "features: ") + transforms + (zh ? "，再标准化" : ", then standardised")));
        foreach (var (kind, path) in run.Files.OrderBy(p => p.Key, StringComparer.Ordinal))
            context.Console.MarkupLine(Markup.Escape($"{(zh ? "输出" : "wrote")} {kind}: {path}"));
    }

    private static string F(double value, string format) => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "–";
}
