using System.CommandLine;
using System.Globalization;
using Segmenta.Data.Campaigns;
using Segmenta.Data.Import;
using Segmenta.Data.Runs;
using Segmenta.Data.Snapshots;

namespace Segmenta.Cli.Commands;

/// <summary><c>segmenta campaign register | holdout | evaluate</c>: campaigns with a control group and their measured effect.</summary>
internal static class CampaignCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("campaign", "Register a campaign, draw a seeded control group, and measure its effect against the control (活动效果评估).");
        command.Add(Register(context));
        command.Add(HoldoutCommand(context));
        command.Add(Evaluate(context));
        return command;
    }

    private static Command Register(CliContext context)
    {
        var command = new Command("register", "Register a campaign: its customers (all treated until a holdout is drawn) and start date.");
        var name = new Option<string>("--name") { Required = true, Description = "Campaign name." };
        var customers = new Option<FileInfo>("--customers") { Required = true, Description = "CSV with a customer_id column." };
        var start = new Option<string>("--start") { Required = true, Description = "First day, yyyy-MM-dd." };
        var segment = new Option<string?>("--segment") { Description = "Targeted segment (recorded)." };
        var action = new Option<string?>("--action") { Description = "Action taken (recorded)." };
        var db = SnapshotsCommand.DbOption();
        foreach (var o in new Option[] { name, customers, start, segment, action, db }) command.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var ids = CampaignStore.ReadCustomerList(parse.GetRequiredValue(customers).FullName);
            var info = WithStore(parse.GetRequiredValue(db), c => new CampaignStore(c).Register(parse.GetRequiredValue(name), Date(parse.GetRequiredValue(start), "--start"), ids, parse.GetValue(segment), parse.GetValue(action)));
            await context.Out.WriteLineAsync($"registered campaign {info.Name}: {info.Treated:N0} customers from {info.Start:yyyy-MM-dd} / 已登记活动 {info.Name}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command HoldoutCommand(CliContext context)
    {
        var command = new Command("holdout", "Hold out a seeded random share of the campaign's customers as control (stratified by a scheme's segments), or take a given control list.");
        var name = new Option<string>("--name") { Required = true, Description = "Campaign name." };
        var share = new Option<double?>("--share") { Description = "Share held out, e.g. 0.1." };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 42 };
        var stratify = new Option<string?>("--stratify") { Description = "Stratify by this scheme's segments in the latest snapshot." };
        var control = new Option<FileInfo?>("--control") { Description = "Use this control list (customer_id) instead of a random draw." };
        var db = SnapshotsCommand.DbOption();
        foreach (var o in new Option[] { name, share, seed, stratify, control, db }) command.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var s = parse.GetValue(share);
            var file = parse.GetValue(control);
            if (s is null == file is null) throw new UsageException("give exactly one of --share S or --control FILE.");
            if (s is <= 0 or >= 1) throw new UsageException("--share lies strictly between 0 and 1, e.g. 0.1.");
            var info = WithStore(parse.GetRequiredValue(db), c =>
            {
                var campaigns = new CampaignStore(c);
                if (file is not null) return campaigns.SetControl(parse.GetRequiredValue(name), CampaignStore.ReadCustomerList(file.FullName));
                IReadOnlyDictionary<string, string>? strata = null;
                if (parse.GetValue(stratify) is { } scheme)
                {
                    var store = new SnapshotStore(c);
                    var all = store.List();
                    if (all.Count == 0) throw new Core.SegmentaInputException("--stratify needs a snapshot: run segmenta segment first. / 需要先有快照。");
                    strata = store.Assignments(all[^1].Id, scheme);
                }
                return campaigns.DrawHoldout(parse.GetRequiredValue(name), s!.Value, parse.GetValue(seed), strata);
            });
            await context.Out.WriteLineAsync($"campaign {info.Name}: treated {info.Treated:N0}, control {info.Control:N0} / 处理组 {info.Treated:N0}，对照组 {info.Control:N0}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Evaluate(CliContext context)
    {
        var command = new Command("evaluate", "Treated vs control over the window: purchase rate, orders and revenue per customer, retention, with 95% Welch intervals, lift and difference-in-differences.");
        var name = new Option<string>("--name") { Required = true, Description = "Campaign name." };
        var window = new Option<int>("--window-days") { Description = "Window length in days (the pre-period has the same length).", DefaultValueFactory = _ => 60 };
        var scheme = new Option<string?>("--scheme") { Description = "Break down by this scheme's segments (latest snapshot before the start)." };
        var input = new Option<FileInfo?>("--input") { Description = "Import this transactions file first (default: the store's transactions)." };
        var db = SnapshotsCommand.DbOption();
        var json = SnapshotsCommand.JsonOption();
        foreach (var o in new Option[] { name, window, scheme, input, db, json }) command.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var w = parse.GetValue(window);
            if (w < 1) throw new UsageException("--window-days must be at least 1.");
            var path = parse.GetRequiredValue(db);
            if (parse.GetValue(input) is { } file)
            {
                using var gate = await Data.DuckDb.StoreGate.EnterAsync(path, ct).ConfigureAwait(false);
                using var c = Data.DuckDb.DuckDbStore.Open(path);
                Importer.Import(c, new ImportOptions { Path = file.FullName }, ct);
            }
            var report = WithStore(path, c => CampaignEvaluator.Evaluate(c, parse.GetRequiredValue(name), w, parse.GetValue(scheme)));
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(RunSummary.Print(report.ToJson())).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            await context.Out.WriteLineAsync($"campaign {report.Campaign.Name} / 活动: treated {report.Campaign.Treated:N0}, control {report.Campaign.Control:N0}, window {w} days from {report.Campaign.Start:yyyy-MM-dd}").ConfigureAwait(false);
            foreach (var e in report.Effects)
            {
                var x = e.Window;
                var lift = x.Lift is { } l ? $", lift {l:P1} [{x.LiftLow:P1}, {x.LiftHigh:P1}]" : "";
                var did = e.DifferenceInDifferences is { } d ? $", DiD {d.Difference.ToString("G4", CultureInfo.InvariantCulture)} [{d.Low.ToString("G4", CultureInfo.InvariantCulture)}, {d.High.ToString("G4", CultureInfo.InvariantCulture)}]" : "";
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{e.Segment,-12} {e.Metric,-22} treated {x.TreatedMean:G4} control {x.ControlMean:G4} diff {x.Difference:G4} 95% CI [{x.Low:G4}, {x.High:G4}]{lift}{did}")).ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static T WithStore<T>(string path, Func<DuckDB.NET.Data.DuckDBConnection, T> action)
    {
        using var gate = Data.DuckDb.StoreGate.EnterAsync(path).GetAwaiter().GetResult();
        using var connection = Data.DuckDb.DuckDbStore.Open(path);
        return action(connection);
    }

    private static DateOnly Date(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new UsageException($"{option} \"{text}\" is not a date: write yyyy-MM-dd, e.g. 2024-07-01.");
}
