using System.CommandLine;
using Segmenta.Cli.Rendering;
using Segmenta.Data.Runs;

namespace Segmenta.Cli.Commands;

/// <summary><c>segmenta segment</c>: the main job on the user's file.</summary>
internal static class SegmentCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("segment", "Import transactions, compute customer features, and assign every customer an RFM score and segment, a Chinese 8-class RFM type, an ABC class and a value tier; then the user schemes given with --scheme.");
        var input = new InputOptions(inputRequired: false);
        var engine = new EngineOptions();
        var schemes = new SchemeOptions();
        var output = new OutputOptions("segmenta-output");
        var contacts = new ContactOptions();
        var snapshots = new SnapshotRunOptions();
        input.AddTo(command);
        engine.AddTo(command);
        contacts.AddTo(command);
        schemes.AddTo(command);
        output.AddTo(command);
        snapshots.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var language = Language.Resolve(parse.GetValue(output.Lang));
            var table = parse.GetValue(engine.Table);
            var kind = engine.Kind(parse);
            if ((parse.GetValue(input.Input) is null) == (table is null))
                throw new UsageException("Give --input FILE, or --table TABLE with --engine postgres|clickhouse. / 请给出 --input 文件，或与 --engine postgres|clickhouse 一起给出 --table 表名。");
            var transactions = input.TransactionsOrNull(parse);
            var readAs = transactions ?? input.ReadSettings(parse);
            var request = new SegmentationRequest
            {
                Transactions = transactions,
                Engine = kind,
                Source = parse.GetValue(engine.Source),
                SourceTable = table,
                SourceColumnMap = table is null ? new Dictionary<string, string>() : input.ColumnMap(parse),
                Customers = input.CustomerFile(parse),
                Interactions = contacts.InteractionsFile(parse, readAs),
                Surveys = contacts.SurveysFile(parse, readAs),
                Database = parse.GetRequiredValue(input.Db),
                Options = schemes.Build(parse) with { LabelLanguage = language, Profitability = contacts.Profitability(parse) },
                OutputDirectory = parse.GetRequiredValue(output.Out),
                Schemes = parse.GetValue(schemes.Scheme) ?? [],
                SchemesDirectory = parse.GetValue(schemes.SchemesDir),
                Format = output.GetFormat(parse),
                Snapshot = snapshots.Build(parse),
                SortedOutput = output.GetSortedOutput(parse),
            };
            return RunAndPrintAsync(context, request, parse.GetValue(output.Json), language, ct);
        });
        return command;
    }

    public static async Task<int> RunAndPrintAsync(CliContext context, SegmentationRequest request, bool json, string language, CancellationToken ct)
    {
        var run = await ProgressDisplay.RunAsync(context, json, progress => SegmentationRunner.RunAsync(request, progress, ct)).ConfigureAwait(false);
        if (json)
            await context.Out.WriteLineAsync(RunSummary.ToJson(run)).ConfigureAwait(false);
        else
        {
            RunReportRenderer.Render(context, run, language);
            await SnapshotsCommand.PrintRunSnapshotAsync(context, run, language).ConfigureAwait(false);
        }
        return ExitCodes.Ok;
    }
}
