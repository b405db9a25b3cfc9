using System.CommandLine;
using Segmenta.Cli.Commands;
using Segmenta.Core;

namespace Segmenta.Cli;

/// <summary>Builds the <c>segmenta</c> command tree and turns failures into one line and an exit code.</summary>
internal static class SegmentaApp
{
    public static RootCommand BuildRoot(CliContext context) => new("Segmenta: customer classification, grading and typing (客户分类 / 分级 / 分型).")
    {
        DemoCommand.Create(context),
        SegmentCommand.Create(context),
        ImportCommand.Create(context),
        GenerateCommand.Create(context),
        FitCommand.Create(context),
        PredictCommand.Create(context),
        ValidateCommand.Create(context),
        SnapshotsCommand.Create(context), BackfillCommand.Create(context), AlertsCommand.Create(context), CampaignCommand.Create(context),
        AdherenceCommand.Create(context),
        ClusterCommand.Create(context),
        ExplainCommand.Create(context),
        ReportCommand.Create(context),
        SchemesCommand.Create(context),
        ActionsCommand.Create(context),
        CustomerCommand.Create(context),
        PropensityCommand.Create(context),
        RecommendCommand.Create(context),
        ServeCommand.Create(context),
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var context = new CliContext(output, error);
        try
        {
            var root = BuildRoot(context);
            var parse = root.Parse(args);
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
            }).ConfigureAwait(false);
        }
        catch (SegmentaInputException ex)
        {
            // One line per problem (a scheme file may have several, each FILE:LINE:COL: message).
            foreach (var line in ex.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                await error.WriteLineAsync("error: " + line).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync("usage error: " + OneLine(ex.Message)).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("cancelled").ConfigureAwait(false);
            return ExitCodes.Internal;
        }
#pragma warning disable CA1031 // The host's top level is the one place that catches everything (STYLE §4).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync($"internal error: {OneLine(ex.Message)} ({ex.GetType().Name}). Please report it with the command you ran.").ConfigureAwait(false);
            if (Environment.GetEnvironmentVariable("SEGMENTA_DEBUG") == "1") await error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            return ExitCodes.Internal;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
