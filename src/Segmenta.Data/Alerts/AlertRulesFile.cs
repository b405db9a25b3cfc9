using System.Globalization;
using Segmenta.Core;
using Segmenta.Core.Snapshots.Alerts;

namespace Segmenta.Data.Alerts;

/// <summary>
/// Reads alert rules from YAML (docs/snapshots.md). Either a list, or a mapping with an <c>alerts:</c> list; each item is
/// <c>{when: KIND, scheme: …, from/to/segment/by_more_than/days: …}</c> or the compact <c>{KIND: {scheme: …, …}}</c>.
/// Every problem is reported with its line; aliases, anchors and files over 1 MiB are refused (see <see cref="SafeYaml"/>).
/// </summary>
public static class AlertRulesFile
{
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal) { "name", "when", "scheme", "from", "to", "segment", "by_more_than", "days" };

    /// <summary>Loads and checks the rules.</summary>
    /// <exception cref="SegmentaInputException">The file is missing, not valid YAML, or has invalid rules (all listed).</exception>
    public static IReadOnlyList<AlertRule> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var root = SafeYaml.Load(path);
        if (root is SafeYaml.Mapping m && m.Entries.FirstOrDefault(e => e.Key == "alerts").Value is { } list) root = list;
        if (root is not SafeYaml.Sequence items)
            throw new SegmentaInputException($"{path}: expected a list of rules (or alerts: [...]), e.g. \"- when: leaves_segment\". / 应为规则列表。");
        var problems = new List<string>();
        var rules = new List<AlertRule>();
        foreach (var item in items.Items)
        {
            if (Parse(path, item, problems) is { } rule) rules.Add(rule);
        }
        if (problems.Count > 0)
            throw new SegmentaInputException($"{path}: {problems.Count} problem(s): {string.Join("; ", problems)} / 告警规则有误。");
        return rules;
    }

    private static AlertRule? Parse(string path, SafeYaml.Node node, List<string> problems)
    {
        var where = $"line {node.Line}";
        if (node is not SafeYaml.Mapping map)
        {
            problems.Add($"{where}: a rule is a mapping such as \"when: leaves_segment\"");
            return null;
        }
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map.Entries is [var only] && only.Key != "when" && only.Value is SafeYaml.Mapping inner)
        {
            fields["when"] = only.Key;
            map = inner;
        }
        foreach (var (key, value) in map.Entries)
        {
            if (!Fields.Contains(key))
            {
                problems.Add($"{where}: unknown field \"{key}\" (use {string.Join(", ", Fields)})");
                continue;
            }
            if (value is not SafeYaml.Scalar s)
            {
                problems.Add($"line {value.Line}: \"{key}\" must be a single value");
                continue;
            }
            fields[key] = s.Value;
        }
        var count = problems.Count;
        var when = Need(fields, "when", where, problems);
        var scheme = Need(fields, "scheme", where, problems);
        if (when is not null && !AlertKinds.All.Contains(when))
            problems.Add($"{where}: unknown kind \"{when}\" (use {string.Join(", ", AlertKinds.All)})");
        double? by = null;
        int? days = null;
        switch (when)
        {
            case AlertKinds.LeavesSegment:
                Need(fields, "from", where, problems);
                break;
            case AlertKinds.EntersSegment:
                Need(fields, "to", where, problems);
                break;
            case AlertKinds.SegmentShrinks or AlertKinds.SegmentGrows:
                Need(fields, "segment", where, problems);
                if (Need(fields, "by_more_than", where, problems) is { } text)
                {
                    if (double.TryParse(text.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0)
                        by = text.EndsWith('%') ? v / 100 : v;
                    else
                        problems.Add($"{where}: by_more_than \"{text}\" is not a share such as 0.10 or 10%");
                }
                break;
            case AlertKinds.NoContact:
                Need(fields, "segment", where, problems);
                if (Need(fields, "days", where, problems) is { } d)
                {
                    if (int.TryParse(d, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1)
                        days = n;
                    else
                        problems.Add($"{where}: days \"{d}\" is not a whole number of days ≥ 1");
                }
                break;
        }
        if (problems.Count > count) return null;
        return new AlertRule
        {
            Name = fields.GetValueOrDefault("name"),
            When = when!,
            Scheme = scheme!,
            From = fields.GetValueOrDefault("from"),
            To = fields.GetValueOrDefault("to"),
            Segment = fields.GetValueOrDefault("segment"),
            ByMoreThan = by,
            Days = days,
            Source = $"{Path.GetFileName(path)} {where}",
        };
    }

    private static string? Need(Dictionary<string, string> fields, string name, string where, List<string> problems)
    {
        if (fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v)) return v.Trim();
        problems.Add($"{where}: \"{name}\" is required");
        return null;
    }
}
