using System.CommandLine;
using Segmenta.Data.Alerts;
using Segmenta.Data.Runs;
using Segmenta.Data.Snapshots;

namespace Segmenta.Cli.Commands;

/// <summary><c>segmenta alerts --rules FILE --snapshot ID</c>: evaluates alert rules on a stored snapshot.</summary>
internal static class AlertsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("alerts", "Evaluate alert rules (YAML) on a stored snapshot against the one before it.");
        var rules = new Option<FileInfo>("--rules") { Description = "Alert rules YAML (docs/snapshots.md).", Required = true };
        var snapshot = new Option<long?>("--snapshot") { Description = "Snapshot id; default: the latest." };
        var outDir = new Option<string?>("--out", "-o") { Description = "Write alerts.json here." };
        var db = SnapshotsCommand.DbOption();
        var json = SnapshotsCommand.JsonOption();
        var lang = new Option<string?>("--lang") { Description = "zh-CN or en; default from the locale." };
        var engine = new SnapshotEngineOptions();
        foreach (var o in new Option[] { rules, snapshot, outDir, db, json, lang }) command.Add(o);
        engine.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            static long Latest(long? given, IReadOnlyList<SnapshotHeader> all) => given ?? (all.Count > 0 ? all[^1].Id : (long?)null)
                ?? throw new Core.SegmentaInputException("the store has no snapshot yet: run segmenta segment first. / 尚无快照。");
            var report = await engine.WithStoreAsync(parse, db, c =>
            {
                var id = Latest(parse.GetValue(snapshot), new SnapshotStore(c).List());
                return AlertRunner.Evaluate(c, parse.GetRequiredValue(rules).FullName, id, parse.GetValue(outDir));
            }, async s =>
            {
                var id = Latest(parse.GetValue(snapshot), await s.ListAsync(ct).ConfigureAwait(false));
                return await AlertRunner.EvaluateAsync(s, parse.GetRequiredValue(rules).FullName, id, parse.GetValue(outDir), ct).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(RunSummary.Print(report.ToJson())).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            var language = Language.Resolve(parse.GetValue(lang));
            foreach (var r in report.Results)
                await context.Out.WriteLineAsync($"[{r.Status}] {r.Rule.DisplayName}: {r.Message(language)}").ConfigureAwait(false);
            if (report.File is not null) await context.Out.WriteLineAsync("wrote " + report.File).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
