using System.Text.Json.Nodes;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Definitions;

namespace Segmenta.Cli.Commands;

/// <summary>A scheme definition as JSON (the YAML field names, both languages) for <c>schemes show --json</c>.</summary>
internal static class SchemeJson
{
    public static JsonObject Of(SchemeDefinition d, string source)
    {
        var json = new JsonObject
        {
            ["name"] = d.Name,
            ["kind"] = d.Kind,
            ["source"] = source,
            ["label"] = Text(d.Label),
            ["description"] = Text(d.Description),
            ["default"] = d.Default,
            ["segments"] = new JsonArray([.. d.Segments.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s.Name,
                ["label"] = Text(s.Label),
                ["description"] = Text(s.Description),
                ["when"] = s.When,
                ["cell"] = s.Cell is null ? null : new JsonArray([.. s.Cell.Select(c => (JsonNode?)c)]),
                ["match"] = s.Match is null ? null : new JsonArray([.. s.Match.Select(c => (JsonNode?)c)]),
                ["playbook"] = s.Playbook is not { } p ? null : new JsonObject
                {
                    ["action"] = Text(p.Action),
                    ["channel"] = p.Channel,
                    ["owner"] = p.Owner,
                    ["priority"] = p.Priority,
                    ["contact_every_days"] = p.ContactEveryDays,
                },
            })]),
        };
        foreach (var (key, value) in Settings(d)) json[key] = value;
        return json;
    }

    /// <summary>The settings block of the scheme's kind, if any.</summary>
    public static IEnumerable<KeyValuePair<string, JsonNode?>> Settings(SchemeDefinition d)
    {
        if (d.Bins is { } b)
            yield return KeyValuePair.Create<string, JsonNode?>("bins", new JsonObject { ["measure"] = b.Measure, ["method"] = b.Method, ["breaks"] = Numbers(b.Breaks) });
        if (d.Matrix is { } m)
            yield return KeyValuePair.Create<string, JsonNode?>("matrix", new JsonObject { ["rows"] = Axis(m.Rows), ["columns"] = Axis(m.Columns) });
        if (d.Grading is { } g)
            yield return KeyValuePair.Create<string, JsonNode?>("grading", new JsonObject { ["contribution"] = Axis(g.Contribution), ["potential"] = Axis(g.Potential) });
        if (d.Lifecycle is { } l)
        {
            yield return KeyValuePair.Create<string, JsonNode?>("lifecycle", new JsonObject
            {
                ["new_within_days"] = l.NewWithinDays,
                ["dormant_gap_multiple"] = l.DormantGapMultiple,
                ["dormant_after_days"] = l.DormantAfterDays,
                ["churned_after_days"] = l.ChurnedAfterDays,
                ["reactivated_within_days"] = l.ReactivatedWithinDays,
                ["p_alive_column"] = l.PAliveColumn,
                ["p_alive_below"] = l.PAliveBelow,
            });
        }
        if (d.Attribute is { } a)
        {
            yield return KeyValuePair.Create<string, JsonNode?>("attribute", new JsonObject
            {
                ["column"] = a.Column,
                ["mapping"] = a.Mapping is null ? null : new JsonObject([.. a.Mapping.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
            });
        }
        if (d.Combine is { } c)
            yield return KeyValuePair.Create<string, JsonNode?>("combine", new JsonObject { ["first"] = c.First, ["second"] = c.Second });
    }

    private static JsonObject? Axis(AxisDefinition? a) =>
        a is null ? null : new JsonObject { ["measure"] = a.Measure, ["split"] = a.Split, ["at"] = Numbers(a.At) };

    private static JsonArray Numbers(IReadOnlyList<decimal>? values) => new([.. (values ?? []).Select(v => (JsonNode?)v)]);

    private static JsonObject? Text(LocalizedText? t) => t is null ? null : new JsonObject { ["zh-CN"] = t.ZhCn, ["en"] = t.En };
}
