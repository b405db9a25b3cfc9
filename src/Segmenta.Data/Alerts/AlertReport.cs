using System.Text.Json.Nodes;
using Segmenta.Core.Snapshots.Alerts;

namespace Segmenta.Data.Alerts;

/// <summary>The alerts of one snapshot.</summary>
/// <param name="SnapshotId">The snapshot checked.</param>
/// <param name="PreviousId">The snapshot it was compared with, if any.</param>
/// <param name="Results">One result per rule, in file order.</param>
/// <param name="File">The alerts file written, if any.</param>
public sealed record AlertReport(long SnapshotId, long? PreviousId, IReadOnlyList<AlertResult> Results, string? File)
{
    /// <summary>How many customer ids per rule the JSON lists.</summary>
    public const int MaxCustomersInJson = 1000;

    /// <summary>Rules that fired.</summary>
    public int Triggered => Results.Count(r => r.Status == AlertResult.Triggered);

    /// <summary>The report as JSON (also the content of <c>alerts.json</c>).</summary>
    public JsonObject ToJson() => new()
    {
        ["snapshot_id"] = SnapshotId,
        ["previous_snapshot_id"] = PreviousId,
        ["triggered"] = Triggered,
        ["alerts"] = new JsonArray([.. Results.Select(r => (JsonNode?)new JsonObject
        {
            ["name"] = r.Rule.DisplayName,
            ["when"] = r.Rule.When,
            ["scheme"] = r.Rule.Scheme,
            ["status"] = r.Status,
            ["message_en"] = r.MessageEn,
            ["message_zh"] = r.MessageZh,
            ["value"] = r.Value,
            ["customers_count"] = r.Customers.Count,
            ["customers"] = new JsonArray([.. r.Customers.Take(MaxCustomersInJson).Select(c => (JsonNode?)c)]),
            ["source"] = r.Rule.Source,
        })]),
    };
}
