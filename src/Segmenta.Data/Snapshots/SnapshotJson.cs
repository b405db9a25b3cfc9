using System.Text.Json;
using System.Text.Json.Nodes;
using Segmenta.Core.Schemes;

namespace Segmenta.Data.Snapshots;

/// <summary>JSON columns of <c>snapshot_schemes</c>: parameters (decimals kept exact) and segments with labels.</summary>
internal static class SnapshotJson
{
    public static string Parameters(IReadOnlyDictionary<string, IReadOnlyList<decimal>> parameters) =>
        new JsonObject([.. parameters.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)new JsonArray([.. p.Value.Select(v => (JsonNode?)JsonValue.Create(v))])))]).ToJsonString();

    public static IReadOnlyDictionary<string, IReadOnlyList<decimal>> ReadParameters(string? json)
    {
        var result = new Dictionary<string, IReadOnlyList<decimal>>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json)) return result;
        using var doc = JsonDocument.Parse(json);
        foreach (var p in doc.RootElement.EnumerateObject())
            result[p.Name] = [.. p.Value.EnumerateArray().Select(v => v.GetDecimal())];
        return result;
    }

    public static string Segments(IReadOnlyList<SegmentInfo> segments) =>
        new JsonArray([.. segments.Select(s => (JsonNode?)new JsonObject
        {
            ["key"] = s.Key,
            ["zh"] = s.Label.ZhCn,
            ["en"] = s.Label.En,
        })]).ToJsonString();

    public static IReadOnlyList<SegmentInfo> ReadSegments(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(e => new SegmentInfo(
            e.GetProperty("key").GetString() ?? "",
            new LocalizedText(e.GetProperty("zh").GetString() ?? "", e.GetProperty("en").GetString() ?? ""),
            new LocalizedText("", "")))];
    }
}
