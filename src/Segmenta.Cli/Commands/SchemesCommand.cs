using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Segmenta.Core.Schemes.Rules;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Runs;
using Segmenta.Data.Schemes;
using Spectre.Console;

namespace Segmenta.Cli.Commands;

/// <summary><c>segmenta schemes validate | list | show</c>: the scheme catalog (presets + the user's scheme files).</summary>
internal static class SchemesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("schemes", "Scheme files and presets: validate, list, show (docs/schemes.md).");
        command.Add(Validate(context));
        command.Add(List(context));
        command.Add(Show(context));
        return command;
    }

    private static Option<string?> SchemesDir() => new("--schemes-dir") { Description = "Folder of your scheme files (*.yaml); default ./schemes when it exists." };

    private static Option<string?> Lang() => new("--lang") { Description = "zh-CN or en; default from the locale." };

    private static Command Validate(CliContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "Scheme files (YAML).", Arity = ArgumentArity.OneOrMore };
        var db = new Option<string?>("--db") { Description = "Check columns against this store's last run (attributes, --clv features); default: the standard features, model features and recognised attributes." };
        var dir = SchemesDir();
        var lang = Lang();
        var command = new Command("validate", "Check scheme files: one ok line per file, or one line per problem (FILE:LINE:COL: message) and exit code 2.") { files, db, dir, lang };
        command.SetAction(async (parse, ct) =>
        {
            var zh = Language.Resolve(parse.GetValue(lang)) == Language.Chinese;
            var catalog = SchemeCatalog.Create(parse.GetValue(dir));
            FeatureSchema? stored = null;
            if (parse.GetValue(db) is { } store)
            {
                if (!File.Exists(store)) throw new UsageException($"--db {store}: no such store file.");
                using var connection = DuckDbStore.Open(store);
                stored = StoreSchema.Read(connection, store);
            }
            var failed = false;
            foreach (var file in parse.GetRequiredValue(files))
            {
                IReadOnlyList<SchemeProblem> problems;
                SchemeDocument? document = null;
                try
                {
                    document = SchemeYamlLoader.Load(file);
                    var others = catalog.Entries.Select(e => e.Name).Where(n => n != document.Definition.Name);
                    problems = SchemeYamlLoader.Check(document, stored is null ? SchemeCatalog.DefaultSchema(others) : Extend(stored, others));
                }
                catch (SchemeFileException e)
                {
                    problems = e.Problems;
                }
                if (problems.Count == 0)
                {
                    var d = document!.Definition;
                    await context.Out.WriteLineAsync(zh
                        ? $"{file}: 通过 — 方案 {d.Name}（{d.Kind}，{d.Segments.Count} 个分群）"
                        : $"{file}: ok — scheme {d.Name} ({d.Kind}, {d.Segments.Count} segments)").ConfigureAwait(false);
                    continue;
                }
                failed = true;
                foreach (var p in problems) await context.Error.WriteLineAsync(p.ToString()).ConfigureAwait(false);
            }
            return failed ? ExitCodes.BadInput : ExitCodes.Ok;
        });
        return command;
    }

    private static FeatureSchema Extend(FeatureSchema schema, IEnumerable<string> schemeColumns)
    {
        var columns = new Dictionary<string, FeatureType>(schema.Columns, StringComparer.Ordinal);
        foreach (var c in schemeColumns) columns.TryAdd(c, FeatureType.Text);
        return new FeatureSchema(columns);
    }

    private static Command List(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array." };
        var dir = SchemesDir();
        var lang = Lang();
        var command = new Command("list", "List the presets and your scheme files: name, kind, source, segments, label.") { json, dir, lang };
        command.SetAction(async (parse, ct) =>
        {
            var language = Language.Resolve(parse.GetValue(lang));
            var zh = language == Language.Chinese;
            var catalog = SchemeCatalog.Create(parse.GetValue(dir));
            if (parse.GetValue(json))
            {
                var array = new JsonArray([.. catalog.Entries.Select(e => (JsonNode)new JsonObject
                {
                    ["name"] = e.Name,
                    ["kind"] = e.Document?.Definition.Kind,
                    ["source"] = e.Source,
                    ["segments"] = e.Document?.Definition.Segments.Count,
                    ["label_zh"] = e.Document?.Definition.Label?.ZhCn,
                    ["label_en"] = e.Document?.Definition.Label?.En,
                    ["problems"] = new JsonArray([.. e.Problems.Select(p => (JsonNode?)p.ToString())]),
                })]);
                await context.Out.WriteLineAsync(RunSummary.Print(array)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            var table = new Table();
            table.AddColumns(zh ? "名称" : "Name", zh ? "类型" : "Kind", zh ? "来源" : "Source", zh ? "分群数" : "Segments", zh ? "显示名" : "Label");
            foreach (var e in catalog.Entries)
            {
                var d = e.Document?.Definition;
                table.AddRow(Markup.Escape(e.Name), Markup.Escape(d?.Kind ?? (zh ? "（无法读取）" : "(unreadable)")), Markup.Escape(e.Source),
                    (d?.Segments.Count ?? 0).ToString(CultureInfo.InvariantCulture), Markup.Escape(d?.Label?.For(language) ?? ""));
            }
            context.Console.Write(table);
            foreach (var p in catalog.Entries.SelectMany(e => e.Problems))
                await context.Error.WriteLineAsync(p.ToString()).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "A catalog name (segmenta schemes list) or a scheme file." };
        var json = new Option<bool>("--json") { Description = "Print the scheme as JSON (both languages)." };
        var dir = SchemesDir();
        var lang = Lang();
        var command = new Command("show", "Show a scheme: its settings, segments, rules and playbooks.") { name, json, dir, lang };
        command.SetAction(async (parse, ct) =>
        {
            var language = Language.Resolve(parse.GetValue(lang));
            var catalog = SchemeCatalog.Create(parse.GetValue(dir));
            var document = catalog.Resolve(parse.GetRequiredValue(name));
            var d = document.Definition;
            var source = catalog.Find(d.Name) is { IsPreset: true } e && ReferenceEquals(e.Document, document) ? CatalogEntry.PresetSource : document.Source;
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(RunSummary.Print(SchemeJson.Of(d, source))).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            var zh = language == Language.Chinese;
            context.Console.MarkupLine(Markup.Escape($"{d.Name} — {d.Label?.For(language) ?? d.Name} ({(zh ? "类型" : "kind")} {d.Kind}, {(zh ? "来源" : "source")} {source})"));
            if (d.Description is not null) context.Console.MarkupLine(Markup.Escape(d.Description.For(language)));
            foreach (var setting in SchemeJson.Settings(d))
                context.Console.MarkupLine(Markup.Escape($"{setting.Key}: {setting.Value?.ToJsonString()}"));
            var table = new Table();
            table.AddColumns(zh ? "分群" : "Segment", zh ? "显示名" : "Label", zh ? "规则" : "Rule", zh ? "动作" : "Action",
                zh ? "渠道" : "Channel", zh ? "负责人" : "Owner", zh ? "优先级" : "Priority", zh ? "联系间隔(天)" : "Every (days)");
            foreach (var s in d.Segments)
            {
                var rule = s.When ?? (s.Cell is { } c ? $"cell [{string.Join(", ", c)}]" : s.Match is { } m ? $"match [{string.Join(", ", m)}]" : "");
                table.AddRow(Markup.Escape(s.Name), Markup.Escape(s.Label?.For(language) ?? s.Name), Markup.Escape(rule),
                    Markup.Escape(s.Playbook?.Action?.For(language) ?? ""), Markup.Escape(s.Playbook?.Channel ?? ""), Markup.Escape(s.Playbook?.Owner ?? ""),
                    s.Playbook?.Priority?.ToString(CultureInfo.InvariantCulture) ?? "", s.Playbook?.ContactEveryDays?.ToString(CultureInfo.InvariantCulture) ?? "");
            }
            context.Console.Write(table);
            if (d.Default is { } def) context.Console.MarkupLine(Markup.Escape($"{(zh ? "默认分群" : "default")}: {def}"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
