using System.CommandLine;
using System.Text.Json.Nodes;
using Segmenta.Data.Actions;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Runs;

namespace Segmenta.Cli.Commands;

/// <summary><c>segmenta actions</c>: the CRM-ready action list of one scheme from the store's last segment run.</summary>
internal static class ActionsCommand
{
    public static Command Create(CliContext context)
    {
        var scheme = new Option<string>("--scheme") { Description = "The scheme (as in the last segment run, e.g. retail_rfm or your scheme's name).", Required = true };
        var db = new Option<string>("--db") { Description = "DuckDB store file of the segment run.", DefaultValueFactory = _ => DuckDbStore.DefaultPath };
        var output = new Option<string>("--out", "-o") { Description = "The list: FILE.csv (UTF-8 with BOM) or FILE.xlsx.", Required = true };
        var lang = new Option<string?>("--lang") { Description = "Language of labels and actions: zh-CN or en; default from the locale." };
        var json = new Option<bool>("--json") { Description = "Print a JSON summary (rows, file, per segment)." };
        var command = new Command("actions", "Export a CRM-ready action list: customer, segment, reason, action, channel, owner, priority, next contact date.") { scheme, db, output, lang, json };
        command.SetAction(async (parse, ct) =>
        {
            var language = Language.Resolve(parse.GetValue(lang));
            var store = parse.GetRequiredValue(db);
            if (!File.Exists(store)) throw new UsageException($"--db {store}: no such store file; run segmenta segment --db {store} first.");
            var path = parse.GetRequiredValue(output);
            using var connection = DuckDbStore.Open(store);
            var rows = ActionList.Build(connection, store, parse.GetRequiredValue(scheme), language);
            ActionList.Write(rows, path);
            var bySegment = rows.GroupBy(r => r.Segment).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(RunSummary.Print(new JsonObject
                {
                    ["scheme"] = parse.GetRequiredValue(scheme),
                    ["rows"] = rows.Count,
                    ["file"] = path,
                    ["segments"] = new JsonObject([.. bySegment.Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Count()))]),
                })).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            var zh = language == Language.Chinese;
            await context.Out.WriteLineAsync(zh ? $"已写出 {rows.Count:N0} 条行动记录：{path}" : $"wrote {rows.Count:N0} action rows: {path}").ConfigureAwait(false);
            foreach (var g in bySegment)
                await context.Out.WriteLineAsync($"  {g.First().SegmentLabel} ({g.Key}): {g.Count():N0}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
