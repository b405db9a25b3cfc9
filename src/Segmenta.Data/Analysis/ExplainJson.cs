using System.Text.Json.Nodes;
using Segmenta.Core.Trees;

namespace Segmenta.Data.Analysis;

/// <summary>The machine-readable explanation (<c>segmenta explain --json</c>).</summary>
public static class ExplainJson
{
    /// <summary>
    /// <c>{"scheme", "segment_column", "customers", "fidelity", "depth", "features", "rules": [{segment, label_zh, label_en,
    /// customers, purity, conditions: [{feature, lower, upper, includes_missing}], text_zh, text_en}], "seconds"}</c>.
    /// </summary>
    public static JsonObject ToJsonObject(ExplainResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var tree = result.Tree;
        return new JsonObject
        {
            ["scheme"] = result.Scheme,
            ["segment_column"] = result.SegmentColumn,
            ["customers"] = tree.Rows,
            ["fidelity"] = Math.Round(result.Fidelity, 6),
            ["depth"] = tree.Nodes.Max(n => n.Depth),
            ["features"] = new JsonArray([.. tree.Features.Select(f => (JsonNode?)f)]),
            ["rules"] = new JsonArray([.. result.Rules.Select(r => (JsonNode?)Rule(result, r))]),
            ["seconds"] = new JsonObject([.. result.Seconds.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))]),
        };
    }

    private static JsonObject Rule(ExplainResult result, TreeRule rule) => new()
    {
        ["segment"] = result.Tree.Classes[rule.Class],
        ["label_zh"] = result.ClassLabels[rule.Class].ZhCn,
        ["label_en"] = result.ClassLabels[rule.Class].En,
        ["customers"] = rule.Size,
        ["purity"] = Math.Round(rule.Purity, 6),
        ["conditions"] = new JsonArray([.. rule.Conditions.Select(c => (JsonNode?)new JsonObject
        {
            ["feature"] = result.Tree.Features[c.Feature],
            ["lower_exclusive"] = c.Lower,
            ["upper_inclusive"] = c.Upper,
            ["includes_missing"] = c.IncludesMissing && result.Tree.MissingFeatures[c.Feature],
        })]),
        ["text_zh"] = result.Text(rule, "zh-CN"),
        ["text_en"] = result.Text(rule, "en"),
    };
}
