using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Segmenta.Core.Snapshots;
using Segmenta.Data.Runs;
using Segmenta.Data.Snapshots;

namespace Segmenta.Cli.Commands;

/// <summary><c>segmenta backfill</c>: the snapshots each past period end would have produced, from one history.</summary>
internal static class BackfillCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("backfill", "Store the snapshot each past month or quarter end would have produced (features from the transactions up to that day), so a history exists from day one.");
        var input = new InputOptions();
        var schemes = new SchemeOptions();
        var from = new Option<string>("--from") { Description = "First month, yyyy-MM.", Required = true };
        var to = new Option<string>("--to") { Description = "Last month, yyyy-MM.", Required = true };
        var every = new Option<string>("--every") { Description = "month or quarter.", DefaultValueFactory = _ => "month" };
        var freeze = new Option<long?>("--freeze-from") { Description = "Use the cut points of this stored snapshot for every period." };
        var stability = new StabilityOptions();
        var json = SnapshotsCommand.JsonOption();
        var lang = new Option<string?>("--lang") { Description = "zh-CN or en; default from the locale." };
        input.AddTo(command);
        schemes.AddTo(command);
        foreach (var o in new Option[] { from, to, every, freeze, json, lang }) command.Add(o);
        stability.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var options = schemes.Build(parse);
            if (options.AsOf is not null) throw new UsageException("backfill sets the as-of date of each snapshot itself: drop --as-of.");
            var request = new BackfillRequest
            {
                Transactions = input.Transactions(parse),
                Customers = input.CustomerFile(parse),
                Database = parse.GetRequiredValue(input.Db),
                Options = options with { LabelLanguage = Language.Resolve(parse.GetValue(lang)) },
                From = Month(parse.GetRequiredValue(from), "--from"),
                To = Month(parse.GetRequiredValue(to), "--to"),
                Every = parse.GetValue(every)?.ToLowerInvariant() switch
                {
                    "month" or "monthly" => BackfillEvery.Month,
                    "quarter" or "quarterly" => BackfillEvery.Quarter,
                    var other => throw new UsageException($"--every {other}: use month or quarter."),
                },
                FreezeFrom = parse.GetValue(freeze),
                Stability = stability.Build(parse),
                StableFrom = parse.GetValue(stability.StableFrom),
            };
            if (request.To < request.From) throw new UsageException("--to is before --from.");
            var result = await Backfill.RunAsync(request, null, ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(RunSummary.Print(new JsonObject
                {
                    ["snapshots"] = new JsonArray([.. result.Snapshots.Select(h => (JsonNode?)new JsonObject
                    {
                        ["id"] = h.Id,
                        ["as_of"] = h.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["customers"] = h.Customers,
                        ["content_hash"] = h.ContentHash,
                    })]),
                    ["skipped_as_of"] = new JsonArray([.. result.Skipped.Select(d => (JsonNode?)d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]),
                })).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            foreach (var h in result.Snapshots)
                await context.Out.WriteLineAsync($"snapshot {h.Id}: as of {h.AsOf:yyyy-MM-dd}, {h.Customers:N0} customers / 快照 {h.Id}").ConfigureAwait(false);
            if (result.Skipped.Count > 0)
                await context.Out.WriteLineAsync($"skipped (no transactions yet) / 跳过（尚无交易）: {string.Join(", ", result.Skipped.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static DateOnly Month(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new UsageException($"{option} \"{text}\" is not a month: write yyyy-MM, e.g. 2023-01.");
}
