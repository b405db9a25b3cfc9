using System.CommandLine;
using System.Text.Json.Nodes;
using Segmenta.Data.Runs;
using Segmenta.Reports;

namespace Segmenta.Cli.Commands;

/// <summary><c>segmenta report</c>: the HTML report, the workbook or the chart files of the store's last run.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("report", "Write the report of the last segment run (or of a stored snapshot, --snapshot ID) in the store: report.html (self-contained, offline), report.xlsx, or a folder of PNG/SVG charts.");
        var db = new Option<string>("--db") { Description = "The DuckDB store of a segment run.", DefaultValueFactory = _ => Data.DuckDb.DuckDbStore.DefaultPath };
        var outPath = new Option<string>("--out", "-o") { Description = "report.html, report.xlsx, or a folder for PNG + SVG charts.", Required = true };
        var lang = new Option<string?>("--lang") { Description = "zh-CN or en; default from the locale." };
        var json = new Option<bool>("--json") { Description = "Print the files written as JSON." };
        var snapshot = new Option<long?>("--snapshot") { Description = "Report on this stored snapshot (segmenta snapshots list); default: the last run, else the latest snapshot." };
        var compare = new Option<long?>("--compare") { Description = "Migration compares with this snapshot; default: the one before the reported snapshot." };
        var alerts = new Option<FileInfo?>("--alerts") { Description = "Alert rules YAML evaluated on the reported snapshot; default: the alerts stored with it (segment --alerts)." };
        command.Add(db);
        command.Add(snapshot);
        command.Add(compare);
        command.Add(alerts);
        command.Add(outPath);
        command.Add(lang);
        command.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var options = new Data.Reporting.ReportBuildOptions
            {
                Snapshot = parse.GetValue(snapshot),
                Compare = parse.GetValue(compare),
                AlertRules = parse.GetValue(alerts)?.FullName,
            };
            var files = ReportWriter.WriteFromStore(parse.GetRequiredValue(db), parse.GetRequiredValue(outPath), Language.Resolve(parse.GetValue(lang)), options);
            await PrintAsync(context, files, parse.GetValue(json)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static async Task PrintAsync(CliContext context, IReadOnlyList<string> files, bool json)
    {
        if (json)
            await context.Out.WriteLineAsync(RunSummary.Print(new JsonObject { ["files"] = new JsonArray([.. files.Select(f => (JsonNode?)f)]) })).ConfigureAwait(false);
        else
            foreach (var f in files) await context.Out.WriteLineAsync("wrote report: " + f).ConfigureAwait(false);
    }
}
