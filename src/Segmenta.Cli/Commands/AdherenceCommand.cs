using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Segmenta.Core.Adherence;
using Segmenta.Data.Alerts;
using Segmenta.Data.Runs;

namespace Segmenta.Cli.Commands;

/// <summary><c>segmenta adherence</c>: actual contacts vs the contact frequency each segment's playbook asks for.</summary>
internal static class AdherenceCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("adherence", "Plan adherence (计划执行率): contacts made vs contacts each segment's plan asks for, per customer, segment and owner (needs imported interactions).");
        var snapshot = new Option<long>("--snapshot") { Required = true, Description = "Snapshot id (its as-of date ends the period)." };
        var scheme = new Option<string>("--scheme") { Required = true, Description = "Scheme whose segments carry the plan." };
        var plan = new Option<string>("--plan") { Required = true, Description = "Contact every N days per segment, e.g. A=7,B=30." };
        var period = new Option<int>("--period-days") { Description = "Period length in days.", DefaultValueFactory = _ => 30 };
        var db = SnapshotsCommand.DbOption();
        var json = SnapshotsCommand.JsonOption();
        foreach (var o in new Option[] { snapshot, scheme, plan, period, db, json }) command.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var every = ParsePlan(parse.GetRequiredValue(plan));
            var days = parse.GetValue(period);
            if (days < 1) throw new UsageException("--period-days must be at least 1.");
            var report = SnapshotsCommand.WithStore(parse.GetRequiredValue(db), c => AdherenceLoader.Run(c, parse.GetValue(snapshot), parse.GetRequiredValue(scheme), every, days));
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(RunSummary.Print(new JsonObject
                {
                    ["by_segment"] = Groups(report.BySegment),
                    ["by_owner"] = Groups(report.ByOwner),
                    ["customers"] = new JsonArray([.. report.Customers.Select(r => (JsonNode?)new JsonObject
                    {
                        ["customer_id"] = r.CustomerId, ["segment"] = r.Segment, ["owner"] = r.Owner,
                        ["required"] = r.Required, ["actual"] = r.Actual, ["adherence"] = Math.Round(r.Adherence, 6),
                    })]),
                })).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            foreach (var (title, groups) in new[] { ("segment / 分群", report.BySegment), ("owner / 负责人", report.ByOwner) })
            {
                await context.Out.WriteLineAsync(title).ConfigureAwait(false);
                foreach (var g in groups)
                    await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {(g.Key.Length == 0 ? "(none)" : g.Key),-16} customers {g.Customers,6}  adherence {g.MeanAdherence:P1}  met {g.ShareMet:P1}  contacts {g.Actual}/{g.Required}")).ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static JsonArray Groups(IReadOnlyList<GroupAdherence> groups) => [.. groups.Select(g => (JsonNode?)new JsonObject
    {
        ["key"] = g.Key, ["customers"] = g.Customers, ["mean_adherence"] = Math.Round(g.MeanAdherence, 6),
        ["share_met"] = Math.Round(g.ShareMet, 6), ["required"] = g.Required, ["actual"] = g.Actual,
    })];

    private static Dictionary<string, int> ParsePlan(string text)
    {
        var plan = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length != 2 || !int.TryParse(kv[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) || days < 1)
                throw new UsageException($"--plan \"{part}\": write SEGMENT=DAYS, e.g. A=7 for a contact every 7 days.");
            plan[kv[0]] = days;
        }
        return plan;
    }
}
