using System.CommandLine;
using Segmenta.Core.Pipelines;
using Segmenta.Data.Import;
using Segmenta.Data.Runs;

namespace Segmenta.Cli.Commands;

/// <summary><c>segmenta demo</c>: the main job on the bundled CDNOW transactions, written to <c>./segmenta-demo/</c>.</summary>
internal static class DemoCommand
{
    public const string DemoFolder = "segmenta-demo";
    public const string ReportFileName = "report.html";
    private const string DemoResource = "Segmenta.Cli.DemoData.cdnow_transactions.csv";

    public static Command Create(CliContext context)
    {
        var command = new Command("demo", "Run the main job on bundled real data (CDNOW: 23,570 customers, 69,659 purchases) into ./segmenta-demo/.");
        var output = new OutputOptions(DemoFolder);
        output.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var dir = parse.GetRequiredValue(output.Out);
            Directory.CreateDirectory(dir);
            var input = Path.Combine(dir, "cdnow_transactions.csv");
            using (var resource = typeof(DemoCommand).Assembly.GetManifestResourceStream(DemoResource)
                ?? throw new InvalidOperationException("The demo data is missing from this build."))
            using (var file = File.Create(input))
            {
                resource.CopyTo(file);
            }
            var db = Path.Combine(dir, "segmenta.duckdb");
            var language = Language.Resolve(parse.GetValue(output.Lang));
            var request = new SegmentationRequest
            {
                Transactions = new ImportOptions { Path = input },
                Database = db,
                Options = new SegmentationOptions { LabelLanguage = language },
                OutputDirectory = dir,
                Format = output.GetFormat(parse),
                SortedOutput = output.GetSortedOutput(parse),
            };
            var json = parse.GetValue(output.Json);
            var code = await SegmentCommand.RunAndPrintAsync(context, request, json, language, ct).ConfigureAwait(false);
            // The demo also writes the HTML report of the run (in the run's language) next to its other outputs.
            var report = Reports.ReportWriter.WriteFromStore(db, Path.Combine(dir, ReportFileName), language);
            if (!json) await ReportCommand.PrintAsync(context, report, json: false).ConfigureAwait(false);
            return code;
        });
        return command;
    }
}
