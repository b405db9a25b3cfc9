using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Segmenta.Core.Schemes.Reasons;
using Segmenta.Data.Customers;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Runs;
using Spectre.Console;

namespace Segmenta.Cli.Commands;

/// <summary><c>segmenta customer show ID</c>: one customer's profile (客户画像) from the store's last segment run.</summary>
internal static class CustomerCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("customer", "One customer: features, predictions, every scheme's segment with its reason and action.");
        var id = new Argument<string>("ID") { Description = "The customer id, as in the input file." };
        var db = new Option<string>("--db") { Description = "DuckDB store file of the segment run.", DefaultValueFactory = _ => DuckDbStore.DefaultPath };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var lang = new Option<string?>("--lang") { Description = "zh-CN or en; default from the locale." };
        var show = new Command("show", "Show a customer's profile.") { id, db, json, lang };
        show.SetAction(async (parse, ct) =>
        {
            var language = Language.Resolve(parse.GetValue(lang));
            var store = parse.GetRequiredValue(db);
            if (!File.Exists(store)) throw new UsageException($"--db {store}: no such store file; run segmenta segment --db {store} first.");
            using var connection = DuckDbStore.Open(store);
            var profile = CustomerProfiles.Read(connection, store, parse.GetRequiredValue(id), language);
            if (parse.GetValue(json))
                await context.Out.WriteLineAsync(RunSummary.Print(Json(profile, language))).ConfigureAwait(false);
            else
                Render(context, profile, language);
            return ExitCodes.Ok;
        });
        command.Add(show);
        return command;
    }

    private static JsonObject Json(CustomerProfile p, string language) => new()
    {
        ["customer_id"] = p.CustomerId,
        ["as_of"] = p.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["features"] = Values(p.Features),
        ["predictions"] = Values(p.Predictions),
        ["segments"] = new JsonArray([.. p.Segments.Select(s => (JsonNode)new JsonObject
        {
            ["scheme"] = s.Scheme,
            ["segment"] = s.Segment,
            ["label"] = s.Label.For(language),
            ["label_zh"] = s.Label.ZhCn,
            ["label_en"] = s.Label.En,
            ["reason"] = s.Reason,
            ["action"] = s.Playbook?.Action?.For(language),
            ["channel"] = s.Playbook?.Channel,
            ["owner"] = s.Playbook?.Owner,
            ["priority"] = s.Playbook?.Priority,
            ["contact_every_days"] = s.Playbook?.ContactEveryDays,
        })]),
        ["interactions"] = p.Interactions is null ? null : Values(p.Interactions),
        ["surveys"] = p.Surveys is null ? null : Values(p.Surveys),
    };

    private static JsonObject Values(IEnumerable<KeyValuePair<string, object?>> values) =>
        new([.. values.Select(v => KeyValuePair.Create(v.Key, Node(v.Value)))]);

    private static JsonNode? Node(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b,
        long l => l,
        int i => i,
        decimal d => d,
        double d when double.IsFinite(d) => d,
        double => null,
        _ => ReasonFormatter.Value(value).Replace(",", "", StringComparison.Ordinal),
    };

    private static void Render(CliContext context, CustomerProfile p, string language)
    {
        var zh = language == Language.Chinese;
        context.Console.MarkupLine(Markup.Escape(zh ? $"客户 {p.CustomerId}（分析日期 {p.AsOf:yyyy-MM-dd}）" : $"Customer {p.CustomerId} (as of {p.AsOf:yyyy-MM-dd})"));
        Section(context, zh ? "特征" : "Features", p.Features);
        if (p.Predictions.Count > 0) Section(context, zh ? "预测" : "Predictions", p.Predictions);
        var table = new Table { Title = new TableTitle(zh ? "分群" : "Segments") };
        table.AddColumns(zh ? "方案" : "Scheme", zh ? "分群" : "Segment", zh ? "原因" : "Reason", zh ? "动作" : "Action");
        foreach (var s in p.Segments)
            table.AddRow(Markup.Escape(s.Scheme), Markup.Escape(s.Label.For(language)), Markup.Escape(s.Reason), Markup.Escape(s.Playbook?.Action?.For(language) ?? ""));
        context.Console.Write(table);
        if (p.Interactions is { } i) Section(context, zh ? "互动记录" : "Interactions", i);
        if (p.Surveys is { } v) Section(context, zh ? "调研" : "Surveys", v);
    }

    private static void Section(CliContext context, string title, IEnumerable<KeyValuePair<string, object?>> values)
    {
        context.Console.MarkupLine(Markup.Escape(title + ":"));
        foreach (var (key, value) in values)
            context.Console.MarkupLine(Markup.Escape($"  {key}: {ReasonFormatter.Value(value)}"));
    }
}
