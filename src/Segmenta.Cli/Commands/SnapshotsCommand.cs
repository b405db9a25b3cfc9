using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Runs;
using Segmenta.Data.Snapshots;
using Spectre.Console;

namespace Segmenta.Cli.Commands;

/// <summary><c>segmenta snapshots list | show | delete | diff | kpis</c>: the stored snapshots and migration between them.</summary>
internal static class SnapshotsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("snapshots", "List, show, delete and compare the stored snapshots (快照) of earlier runs.");
        command.Add(List(context));
        command.Add(Show(context));
        command.Add(Delete(context));
        command.Add(Diff(context));
        command.Add(Kpis(context));
        return command;
    }

    public static Option<string> DbOption() => new("--db") { Description = "DuckDB store file.", DefaultValueFactory = _ => DuckDbStore.DefaultPath };

    public static Option<bool> JsonOption() => new("--json") { Description = "Print one JSON object to stdout." };

    private static Command List(CliContext context)
    {
        var command = new Command("list", "List the complete snapshots.");
        var db = DbOption();
        var json = JsonOption();
        var engine = new SnapshotEngineOptions();
        command.Add(db);
        command.Add(json);
        engine.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var headers = await engine.WithStoreAsync(parse, db, c => new SnapshotStore(c).List(), s => s.ListAsync(ct), ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(RunSummary.Print(new JsonObject { ["snapshots"] = new JsonArray([.. headers.Select(h => (JsonNode?)SnapshotComparer.Header(h))]) })).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("id", "as_of / 分析日期", "kind", "customers / 客户数", "created (UTC)", "input", "frozen_from");
            foreach (var h in headers)
            {
                table.AddRow(Inv(h.Id), h.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), h.Kind, h.Customers.ToString("N0", CultureInfo.InvariantCulture),
                    h.CreatedAtUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Markup.Escape(Path.GetFileName(h.Input.Path)), h.FrozenFrom is { } f ? Inv(f) : "");
            }
            context.Console.Write(table);
            if (headers.Count == 0) await context.Out.WriteLineAsync("no snapshots / 暂无快照").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var command = new Command("show", "Show one snapshot: header, schemes with versions, plan hashes and cut points, and the content hash recomputed from its rows.");
        var id = new Argument<long>("ID");
        var db = DbOption();
        var json = JsonOption();
        var engine = new SnapshotEngineOptions();
        command.Add(id);
        command.Add(db);
        command.Add(json);
        engine.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var snapshotId = parse.GetValue(id);
            var (header, recomputed) = await engine.WithStoreAsync(parse, db, c =>
            {
                var store = new SnapshotStore(c);
                return (store.Require(snapshotId), store.ComputeContentHash(snapshotId));
            }, async s => (await s.RequireAsync(snapshotId, ct).ConfigureAwait(false), await s.ComputeContentHashAsync(snapshotId, ct).ConfigureAwait(false)), ct).ConfigureAwait(false);
            var obj = SnapshotComparer.Header(header);
            obj["content_hash_recomputed"] = recomputed;
            obj["intact"] = recomputed == header.ContentHash;
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(RunSummary.Print(obj)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            await context.Out.WriteLineAsync($"snapshot {header.Id} / 快照 {header.Id}: as of {header.AsOf:yyyy-MM-dd}, {header.Customers:N0} customers, {header.Kind}, engine {header.Engine}").ConfigureAwait(false);
            await context.Out.WriteLineAsync($"input: {header.Input.Path} ({header.Input.Bytes:N0} bytes, {header.Input.Rows:N0} rows, sha256 {header.Input.Sha256})").ConfigureAwait(false);
            await context.Out.WriteLineAsync($"content hash: {header.ContentHash} ({(recomputed == header.ContentHash ? "intact / 完好" : "MISMATCH / 不一致")})").ConfigureAwait(false);
            if (header.StableFrom is { } stable)
                await context.Out.WriteLineAsync($"stability against snapshot {stable} / 稳定性参照快照 {stable}: {header.Stability}").ConfigureAwait(false);
            foreach (var s in header.Schemes)
            {
                await context.Out.WriteLineAsync($"  {s.Name} ({s.SegmentColumn}) {s.Version} plan {s.PlanHash[..12]}: "
                    + string.Join("; ", s.Parameters.Select(p => p.Key + " = [" + string.Join(", ", p.Value.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]"))).ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(CliContext context)
    {
        var command = new Command("delete", "Delete one snapshot (in one transaction; on ClickHouse header first, then its tables).");
        var id = new Argument<long>("ID");
        var db = DbOption();
        var engine = new SnapshotEngineOptions();
        command.Add(id);
        command.Add(db);
        engine.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var snapshotId = parse.GetValue(id);
            await engine.WithStoreAsync(parse, db, c =>
            {
                new SnapshotStore(c).Delete(snapshotId);
                return 0;
            }, async s =>
            {
                await s.DeleteAsync(snapshotId, ct).ConfigureAwait(false);
                return 0;
            }, ct).ConfigureAwait(false);
            await context.Out.WriteLineAsync($"deleted snapshot {snapshotId} / 已删除快照 {snapshotId}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Diff(CliContext context)
    {
        var command = new Command("diff", "Migration between snapshots A and B: transition matrix, movers, new and lost customers, Sankey flows.");
        var a = new Argument<long>("A");
        var b = new Argument<long>("B");
        var scheme = new Option<string?>("--scheme") { Description = "Scheme (rfm, rfm_cn8, abc, value_tier … or its column); default: every scheme." };
        var db = DbOption();
        var json = JsonOption();
        var outDir = new Option<string?>("--out", "-o") { Description = "Write migration.json, transitions_<scheme>.csv and movers_<scheme>.csv (movers with before/after features; DuckDB store only) here." };
        var engine = new SnapshotEngineOptions();
        engine.AddTo(command);
        foreach (var o in new Symbol[] { a, b, scheme, db, json, outDir })
        {
            if (o is Argument arg) command.Add(arg);
            else command.Add((Option)o);
        }
        command.SetAction(async (parse, ct) =>
        {
            var (diff, files) = await engine.WithStoreAsync(parse, db, c =>
            {
                var d = SnapshotComparer.Diff(c, parse.GetValue(a), parse.GetValue(b), parse.GetValue(scheme));
                var written = parse.GetValue(outDir) is { } dir ? SnapshotComparer.WriteFiles(c, d, dir) : [];
                return (d, written);
            }, async s =>
            {
                // The transition matrix is a GROUP BY inside the engine; only the cells and the first movers travel.
                var d = await s.DiffAsync(parse.GetValue(a), parse.GetValue(b), parse.GetValue(scheme), cancellationToken: ct).ConfigureAwait(false);
                var written = parse.GetValue(outDir) is { } dir ? SnapshotComparer.WriteFiles(null, d, dir) : [];
                return (d, written);
            }, ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                var obj = SnapshotComparer.ToJson(diff);
                obj["files"] = new JsonArray([.. files.Select(f => (JsonNode?)f)]);
                await context.Out.WriteLineAsync(RunSummary.Print(obj)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            foreach (var m in diff.Schemes)
            {
                var table = new Table { Title = new TableTitle(Markup.Escape($"{m.Scheme}: {diff.Before.Id} ({diff.Before.AsOf:yyyy-MM-dd}) → {diff.After.Id} ({diff.After.AsOf:yyyy-MM-dd})")) };
                table.AddColumn("from \\ to");
                foreach (var s in m.Matrix.Segments) table.AddColumn(Markup.Escape(s));
                for (var i = 0; i < m.Matrix.Segments.Count; i++)
                    table.AddRow([Markup.Escape(m.Matrix.Segments[i]), .. m.Matrix.Counts[i].Select(v => v.ToString("N0", CultureInfo.InvariantCulture))]);
                context.Console.Write(table);
                await context.Out.WriteLineAsync($"customers in both {m.Matrix.Total:N0}, stayed {m.Matrix.Stayed:N0}, moved {m.MoversCount:N0}, new {m.OnlyAfter.Values.Sum():N0}, gone {m.OnlyBefore.Values.Sum():N0} / 两期均有 {m.Matrix.Total:N0}，未变 {m.Matrix.Stayed:N0}，迁移 {m.MoversCount:N0}").ConfigureAwait(false);
            }
            foreach (var f in files) await context.Out.WriteLineAsync("wrote " + f).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Kpis(CliContext context)
    {
        var command = new Command("kpis", "Segment KPIs over every snapshot: customers, revenue, mean CLV, retention into the next snapshot.");
        var scheme = new Option<string>("--scheme") { Description = "Scheme (rfm, abc …).", Required = true };
        var db = DbOption();
        var json = JsonOption();
        var engine = new SnapshotEngineOptions();
        command.Add(scheme);
        command.Add(db);
        command.Add(json);
        engine.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            // On a server engine the KPIs are GROUP BYs inside the engine; only per-segment sums travel.
            var kpis = await engine.WithStoreAsync(parse, db, c => SnapshotKpiLoader.Load(c, parse.GetRequiredValue(scheme)),
                s => s.KpisAsync(parse.GetRequiredValue(scheme), ct), ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(RunSummary.Print(new JsonObject
                {
                    ["scheme"] = parse.GetRequiredValue(scheme),
                    ["kpis"] = new JsonArray([.. kpis.Select(k => (JsonNode?)new JsonObject
                    {
                        ["snapshot_id"] = k.SnapshotId,
                        ["as_of"] = k.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["segment"] = k.Segment,
                        ["customers"] = k.Customers,
                        ["revenue"] = k.Revenue,
                        ["mean_clv"] = k.MeanClv,
                        ["retention"] = k.Retention is { } r ? Math.Round(r, 6) : null,
                    })]),
                })).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("snapshot", "as_of", "segment / 分群", "customers / 客户数", "revenue / 收入", "mean CLV", "retention / 留存");
            foreach (var k in kpis)
            {
                table.AddRow(Inv(k.SnapshotId), k.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Markup.Escape(k.Segment), k.Customers.ToString("N0", CultureInfo.InvariantCulture),
                    k.Revenue.ToString("N2", CultureInfo.InvariantCulture), k.MeanClv?.ToString("N2", CultureInfo.InvariantCulture) ?? "", k.Retention?.ToString("P1", CultureInfo.InvariantCulture) ?? "");
            }
            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>After a segment run: one line naming the snapshot, then the alerts.</summary>
    public static async Task PrintRunSnapshotAsync(CliContext context, SegmentationRun run, string language)
    {
        var zh = language == Language.Chinese;
        if (run.Snapshot is { } s)
            await context.Out.WriteLineAsync(zh ? $"已保存快照 {s.Id}（分析日期 {s.AsOf:yyyy-MM-dd}）" : $"stored snapshot {s.Id} (as of {s.AsOf:yyyy-MM-dd})").ConfigureAwait(false);
        if (run.Alerts is { } alerts)
        {
            foreach (var r in alerts.Results)
                await context.Out.WriteLineAsync($"[{r.Status}] {r.Rule.DisplayName}: {r.Message(language)}").ConfigureAwait(false);
        }
    }

    /// <summary>Opens the store (waiting for another process that holds it), runs <paramref name="action"/>, closes it.</summary>
    public static T WithStore<T>(string path, Func<DuckDB.NET.Data.DuckDBConnection, T> action)
    {
        if (path != ":memory:" && !File.Exists(path))
            throw new Core.SegmentaInputException($"store {path} does not exist: run segmenta segment --db {path} first. / 数据库文件 {path} 不存在。");
        using var gate = StoreGate.EnterAsync(path).GetAwaiter().GetResult();
        using var connection = DuckDbStore.Open(path);
        return action(connection);
    }

    private static string Inv(long value) => value.ToString(CultureInfo.InvariantCulture);
}
