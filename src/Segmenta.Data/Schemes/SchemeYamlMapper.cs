using System.Globalization;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Definitions;

namespace Segmenta.Data.Schemes;

/// <summary>
/// Maps a <see cref="YamlNode"/> tree onto <see cref="SchemeDefinition"/> field by field (the keys of docs/schemes.md),
/// recording each value's node under its validator path (<c>segments[0].when</c>). Unknown keys ("did you mean") and
/// wrong types are problems; the mapping goes on so every problem of the file is reported at once.
/// </summary>
internal sealed class SchemeYamlMapper(List<(YamlPosition At, string Message)> problems)
{
    private static readonly string[] KMeansKeys = ["features", "k", "k_range", "transform", "seed", "restarts", "log1p", "winsorize"];
    private static readonly string[] SchemeKeys = ["name", "kind", "label", "description", "segments", "default", "bins", "matrix", "grading", "lifecycle", "attribute", "combine", "stability", .. KMeansKeys];
    private static readonly string[] SegmentKeys = ["name", "label", "description", "when", "cell", "match", "playbook"];
    private static readonly string[] PlaybookKeys = ["action", "channel", "owner", "priority", "contact_every_days"];
    private static readonly string[] TextKeys = ["zh-CN", "en"];
    private static readonly string[] BinsKeys = ["measure", "method", "breaks"];
    private static readonly string[] AxisKeys = ["measure", "split", "at"];
    private static readonly string[] MatrixKeys = ["rows", "columns"];
    private static readonly string[] GradingKeys = ["contribution", "potential"];
    private static readonly string[] LifecycleKeys = ["new_within_days", "dormant_gap_multiple", "dormant_after_days", "churned_after_days", "reactivated_within_days", "p_alive_column", "p_alive_below"];
    private static readonly string[] AttributeKeys = ["column", "mapping"];
    private static readonly string[] CombineKeys = ["first", "second"];
    private static readonly string[] StabilityKeys = ["freeze_from", "hysteresis", "min_dwell"];

    public Dictionary<string, YamlNode> Nodes { get; } = new(StringComparer.Ordinal);

    public SchemeDefinition Scheme(YamlNode root)
    {
        Nodes[""] = root;
        var map = Map(root, "", "the scheme", "a mapping of keys such as name: key_accounts, kind: rules, segments: […]");
        if (map is null) return new SchemeDefinition();
        var f = Fields(map, "", SchemeKeys, "scheme");
        return new SchemeDefinition
        {
            Name = Text(f, "", "name") ?? "",
            Kind = Text(f, "", "kind") ?? "",
            Label = Localized(f, "", "label"),
            Description = Localized(f, "", "description"),
            Segments = List(f, "", "segments", Segment) ?? [],
            Default = Text(f, "", "default"),
            Bins = Object(f, "", "bins", Bins),
            Matrix = Object(f, "", "matrix", Matrix),
            Grading = Object(f, "", "grading", Grading),
            Lifecycle = Object(f, "", "lifecycle", Lifecycle),
            Attribute = Object(f, "", "attribute", Attribute),
            Combine = Object(f, "", "combine", Combine),
            Stability = Object(f, "", "stability", Stability),
            KMeans = KMeans(f),
        };
    }

    /// <summary>Kind kmeans keeps its settings at the top level (features, k …); null when none is given.</summary>
    private KMeansSettings? KMeans(Dictionary<string, YamlNode> f)
    {
        if (!KMeansKeys.Any(f.ContainsKey)) return null;
        var d = new KMeansSettings();
        int? k = null;
        if (f.TryGetValue("k", out var kNode) && !(kNode is YamlScalar { Plain: true, Value: "auto" }))
            k = OptionalInt(f, "", "k");
        var range = List(f, "", "k_range", Int);
        if (range is not null && range.Count != 2)
            Problem(f["k_range"], $"k_range: expected two whole numbers [low, high] such as [2, 10], found {range.Count}");
        List<string>? log1pList = null;
        string? log1p = null;
        if (f.TryGetValue("log1p", out var logNode))
        {
            if (logNode is YamlSeq) log1pList = List(f, "", "log1p", (n, p) => Scalar(n, p, "a feature name") ?? "");
            else log1p = Text(f, "", "log1p");
        }
        return new KMeansSettings
        {
            Features = List(f, "", "features", (n, p) => Scalar(n, p, "a feature name") ?? "") ?? [],
            K = k,
            MinK = range is [var low, _] ? low : d.MinK,
            MaxK = range is [_, var high] ? high : d.MaxK,
            Transform = Text(f, "", "transform") ?? "auto",
            Seed = f.ContainsKey("seed") ? OptionalInt(f, "", "seed") ?? (int)d.Seed : d.Seed,
            Restarts = OptionalInt(f, "", "restarts") ?? d.Restarts,
            Log1p = log1p ?? d.Log1p,
            Log1pFeatures = log1pList,
            Winsorize = List(f, "", "winsorize", (n, p) => (double)Decimal(n, p)),
        };
    }

    private SchemeStability Stability(YamlMap map, string path)
    {
        var f = Fields(map, path, StabilityKeys, "stability block");
        var freeze = Text(f, path, "freeze_from")?.Trim();
        if (freeze is not null && !freeze.Equals(SchemeStability.Latest, StringComparison.OrdinalIgnoreCase)
            && !(long.TryParse(freeze, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0))
            Problem(f["freeze_from"], $"{Join(path, "freeze_from")}: expected latest or a snapshot id such as 12, found \"{freeze}\" — see segmenta snapshots list");
        var hysteresis = OptionalDecimal(f, path, "hysteresis");
        if (hysteresis is < 0m or >= 1m)
            Problem(f["hysteresis"], $"{Join(path, "hysteresis")}: {hysteresis.Value.ToString(CultureInfo.InvariantCulture)} is not a share — write a number from 0 to below 1, e.g. 0.05 for 5 %");
        var dwell = OptionalInt(f, path, "min_dwell");
        if (dwell is < 0)
            Problem(f["min_dwell"], $"{Join(path, "min_dwell")}: {dwell.Value} is negative — write the number of snapshots, e.g. 2");
        return new SchemeStability { FreezeFrom = freeze, Hysteresis = hysteresis, MinDwell = dwell };
    }

    private SegmentDefinition Segment(YamlNode node, string path)
    {
        var map = Map(node, path, "a segment", "a mapping such as { name: strategic, when: \"orders >= 5\" }");
        if (map is null) return new SegmentDefinition();
        var f = Fields(map, path, SegmentKeys, "segment");
        return new SegmentDefinition
        {
            Name = Text(f, path, "name") ?? "",
            Label = Localized(f, path, "label"),
            Description = Localized(f, path, "description"),
            When = Text(f, path, "when"),
            Cell = List(f, path, "cell", Int),
            Match = List(f, path, "match", (n, p) => Scalar(n, p, "a segment key or \"*\"") ?? ""),
            Playbook = Object(f, path, "playbook", Playbook),
        };
    }

    private PlaybookDefinition Playbook(YamlMap map, string path)
    {
        var f = Fields(map, path, PlaybookKeys, "playbook");
        return new PlaybookDefinition
        {
            Action = Localized(f, path, "action"),
            Channel = Text(f, path, "channel"),
            Owner = Text(f, path, "owner"),
            Priority = OptionalInt(f, path, "priority"),
            ContactEveryDays = OptionalInt(f, path, "contact_every_days"),
        };
    }

    private BinsSettings Bins(YamlMap map, string path)
    {
        var f = Fields(map, path, BinsKeys, "bins block");
        return new BinsSettings
        {
            Measure = Text(f, path, "measure") ?? "",
            Method = Text(f, path, "method") ?? BinMethods.Quantile,
            Breaks = List(f, path, "breaks", Decimal) ?? [],
        };
    }

    private AxisDefinition Axis(YamlMap map, string path)
    {
        var f = Fields(map, path, AxisKeys, "axis");
        return new AxisDefinition
        {
            Measure = Text(f, path, "measure") ?? "",
            Split = Text(f, path, "split") ?? AxisDefinition.DefaultSplit,
            At = List(f, path, "at", Decimal) ?? [],
        };
    }

    private MatrixSettings Matrix(YamlMap map, string path)
    {
        var f = Fields(map, path, MatrixKeys, "matrix block");
        return new MatrixSettings { Rows = Object(f, path, "rows", Axis)!, Columns = Object(f, path, "columns", Axis)! };
    }

    private GradingSettings Grading(YamlMap map, string path)
    {
        var f = Fields(map, path, GradingKeys, "grading block");
        var defaults = new GradingSettings();
        return new GradingSettings
        {
            Contribution = Object(f, path, "contribution", Axis) ?? defaults.Contribution,
            Potential = Object(f, path, "potential", Axis)!,
        };
    }

    private LifecycleSettings Lifecycle(YamlMap map, string path)
    {
        var f = Fields(map, path, LifecycleKeys, "lifecycle block");
        var d = new LifecycleSettings();
        return new LifecycleSettings
        {
            NewWithinDays = OptionalInt(f, path, "new_within_days") ?? d.NewWithinDays,
            DormantGapMultiple = OptionalDecimal(f, path, "dormant_gap_multiple") ?? d.DormantGapMultiple,
            DormantAfterDays = OptionalInt(f, path, "dormant_after_days") ?? d.DormantAfterDays,
            ChurnedAfterDays = OptionalInt(f, path, "churned_after_days") ?? d.ChurnedAfterDays,
            ReactivatedWithinDays = OptionalInt(f, path, "reactivated_within_days") ?? d.ReactivatedWithinDays,
            PAliveColumn = Text(f, path, "p_alive_column") ?? d.PAliveColumn,
            PAliveBelow = OptionalDecimal(f, path, "p_alive_below") ?? d.PAliveBelow,
        };
    }

    private AttributeSettings Attribute(YamlMap map, string path)
    {
        var f = Fields(map, path, AttributeKeys, "attribute block");
        Dictionary<string, string>? mapping = null;
        if (f.TryGetValue("mapping", out var node) && Map(node, path + ".mapping", "mapping", "value: segment pairs such as { 浙江: east, 江苏: east }") is { } m)
        {
            mapping = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in m.Entries)
            {
                var p = $"{path}.mapping[\"{key.Value}\"]";
                Nodes[p] = value;
                mapping[key.Value] = Scalar(value, p, "a segment key") ?? "";
            }
        }
        return new AttributeSettings { Column = Text(f, path, "column") ?? "", Mapping = mapping };
    }

    private CombineSettings Combine(YamlMap map, string path)
    {
        var f = Fields(map, path, CombineKeys, "combine block");
        return new CombineSettings { First = Text(f, path, "first") ?? "", Second = Text(f, path, "second") ?? "" };
    }

    // ---- helpers ----

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private void Problem(YamlNode node, string message) => problems.Add((node.At, message));

    private YamlMap? Map(YamlNode node, string path, string what, string example)
    {
        if (node is YamlMap map) return map;
        if (node is YamlScalar s && s.IsNull && path.Length > 0) return null;
        Problem(node, $"{(path.Length == 0 ? "" : path + ": ")}{what} must be {example}, not {Describe(node)}");
        return null;
    }

    /// <summary>The entries of a mapping by key, each recorded under its path; unknown keys are problems with a suggestion.</summary>
    private Dictionary<string, YamlNode> Fields(YamlMap map, string path, string[] known, string what)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            if (!known.Contains(key.Value, StringComparer.Ordinal))
            {
                var suggestion = NameSuggestions.DidYouMean(key.Value, known);
                Problem(key, $"{Join(path, key.Value)}: unknown key \"{key.Value}\" in a {what}{suggestion} — use one of {string.Join(", ", known)}");
                continue;
            }
            fields[key.Value] = value;
            Nodes[Join(path, key.Value)] = value;
        }
        return fields;
    }

    private string? Scalar(YamlNode node, string path, string expected)
    {
        if (node is YamlScalar s) return s.IsNull ? null : s.Value;
        Problem(node, $"{path}: expected {expected}, found {Describe(node)} — write a single value");
        return null;
    }

    private string? Text(Dictionary<string, YamlNode> f, string path, string key) =>
        f.TryGetValue(key, out var node) ? Scalar(node, Join(path, key), "text") : null;

    private LocalizedText? Localized(Dictionary<string, YamlNode> f, string path, string key)
    {
        if (!f.TryGetValue(key, out var node)) return null;
        var p = Join(path, key);
        if (node is YamlScalar s) return s.IsNull ? null : new LocalizedText(s.Value, s.Value);
        if (Map(node, p, key, "{ zh-CN: …, en: … } or one text") is not { } map) return null;
        var texts = Fields(map, p, TextKeys, "text in two languages");
        var zh = texts.TryGetValue("zh-CN", out var z) ? Scalar(z, p + ".zh-CN", "text") : null;
        var en = texts.TryGetValue("en", out var e) ? Scalar(e, p + ".en", "text") : null;
        if (zh is null && en is null)
        {
            Problem(node, $"{p}: empty — write {{ zh-CN: …, en: … }}");
            return null;
        }
        return new LocalizedText(zh ?? en!, en ?? zh!);
    }

    private T? Object<T>(Dictionary<string, YamlNode> f, string path, string key, Func<YamlMap, string, T> read) where T : class
    {
        if (!f.TryGetValue(key, out var node)) return null;
        var p = Join(path, key);
        return Map(node, p, key, "a mapping of its settings (see docs/schemes.md)") is { } map ? read(map, p) : null;
    }

    private List<T>? List<T>(Dictionary<string, YamlNode> f, string path, string key, Func<YamlNode, string, T> read)
    {
        if (!f.TryGetValue(key, out var node)) return null;
        var p = Join(path, key);
        if (node is YamlScalar { IsNull: true }) return null;
        if (node is not YamlSeq seq)
        {
            Problem(node, $"{p}: expected a list such as [1, 2] or lines starting with \"- \", found {Describe(node)}");
            return null;
        }
        var items = new List<T>(seq.Items.Count);
        for (var i = 0; i < seq.Items.Count; i++)
        {
            var itemPath = $"{p}[{i}]";
            Nodes[itemPath] = seq.Items[i];
            items.Add(read(seq.Items[i], itemPath));
        }
        return items;
    }

    private int Int(YamlNode node, string path) => ParseInt(node, path) ?? 0;

    private int? ParseInt(YamlNode node, string path)
    {
        if (node is YamlScalar { Plain: true } s && int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
            return v;
        Problem(node, $"{path}: expected a whole number, found {Describe(node)} — write e.g. 30 (no quotes, no unit)");
        return null;
    }

    private int? OptionalInt(Dictionary<string, YamlNode> f, string path, string key) =>
        f.TryGetValue(key, out var node) && node is not YamlScalar { IsNull: true } ? ParseInt(node, Join(path, key)) : null;

    private decimal Decimal(YamlNode node, string path) => ParseDecimal(node, path) ?? 0m;

    private decimal? ParseDecimal(YamlNode node, string path)
    {
        if (node is YamlScalar { Plain: true } s && decimal.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            return v;
        Problem(node, $"{path}: expected a number, found {Describe(node)} — write e.g. 0.8 or 1000 (no quotes, no thousands separators)");
        return null;
    }

    private decimal? OptionalDecimal(Dictionary<string, YamlNode> f, string path, string key) =>
        f.TryGetValue(key, out var node) && node is not YamlScalar { IsNull: true } ? ParseDecimal(node, Join(path, key)) : null;

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalar s when s.IsNull => "nothing",
        YamlScalar s => "\"" + (s.Value.Length > 40 ? s.Value[..40] + "…" : s.Value) + "\"",
        YamlSeq => "a list",
        YamlMap => "a mapping",
        _ => "a value",
    };
}
