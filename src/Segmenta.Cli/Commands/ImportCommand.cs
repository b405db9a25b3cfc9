using System.CommandLine;
using System.Text.Json.Nodes;
using Segmenta.Cli.Rendering;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Runs;

namespace Segmenta.Cli.Commands;

/// <summary><c>segmenta import</c>: load files into the store and account for every row.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("import", "Import a transactions, interactions or surveys file (and optionally a customers file) into the store, with row accounting and a rejects file.");
        var kind = new Option<string>("--kind") { Description = "What --input holds: transactions (default), interactions (visits, calls …) or surveys (NPS, CSAT, needs).", DefaultValueFactory = _ => "transactions" };
        var input = new InputOptions();
        var rejects = new Option<string>("--rejects") { Description = "Where rejected rows are written.", DefaultValueFactory = _ => "rejects.csv" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object to stdout." };
        var lang = new Option<string?>("--lang") { Description = "zh-CN or en; default from the locale." };
        input.AddTo(command);
        command.Add(kind);
        command.Add(rejects);
        command.Add(json);
        command.Add(lang);
        command.SetAction(async (parse, ct) =>
        {
            using var connection = DuckDbStore.Open(parse.GetRequiredValue(input.Db));
            var rejectsPath = parse.GetRequiredValue(rejects);
            var importKind = parse.GetValue(kind)?.ToLowerInvariant() switch
            {
                "transactions" => ImportKind.Transactions,
                "interactions" => ImportKind.Interactions,
                "surveys" => ImportKind.Surveys,
                var other => throw new UsageException($"--kind {other}: use transactions, interactions or surveys. / --kind 只能是 transactions、interactions 或 surveys。"),
            };
            var transactions = Importer.Import(connection, input.Transactions(parse) with { Kind = importKind, RejectsPath = rejectsPath }, ct);
            var customerOptions = input.CustomerFile(parse);
            var customers = customerOptions is null ? null
                : Importer.Import(connection, customerOptions with { RejectsPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(rejectsPath))!, "customers_" + Path.GetFileName(rejectsPath)) }, ct);
            if (parse.GetValue(json))
            {
                var node = new JsonObject
                {
                    ["kind"] = importKind.ToString().ToLowerInvariant(),
                    ["table"] = transactions.Table,
                    ["rows_read"] = transactions.RowsRead,
                    ["rows_accepted"] = transactions.RowsAccepted,
                    ["rows_rejected"] = transactions.RowsRejected,
                    ["load"] = RunSummary.LoadJson(transactions),
                    ["customers_load"] = customers is null ? null : RunSummary.LoadJson(customers),
                };
                await context.Out.WriteLineAsync(RunSummary.Print(node)).ConfigureAwait(false);
            }
            else
            {
                var language = Language.Resolve(parse.GetValue(lang));
                RunReportRenderer.RenderLoad(context, transactions, language);
                if (customers is not null) RunReportRenderer.RenderLoad(context, customers, language);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
