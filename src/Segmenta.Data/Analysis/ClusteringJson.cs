using System.Text.Json.Nodes;
using Segmenta.Core.Clustering;
using Segmenta.Data.Runs;

namespace Segmenta.Data.Analysis;

/// <summary>The machine-readable result of a clustering run (<c>segmenta cluster --json</c> and <c>clusters.json</c>).</summary>
public static class ClusteringJson
{
    /// <summary>
    /// <c>{"scheme", "customers", "k", "features", "transforms", "k_scores": [{k, inertia, silhouette, calinski_harabasz}],
    /// "clusters": [{key, name_zh, name_en, customers, share, means, z_scores}], "files", "seconds"}</c>.
    /// </summary>
    public static JsonObject ToJsonObject(ClusteringRun run, long customers)
    {
        ArgumentNullException.ThrowIfNull(run);
        var result = run.Assignment.Result;
        var features = result.Model.Features;
        return new JsonObject
        {
            ["scheme"] = run.Scheme,
            ["customers"] = customers,
            ["k"] = result.ChosenK,
            ["features"] = new JsonArray([.. features.Select(f => (JsonNode?)f)]),
            ["transforms"] = new JsonArray([.. result.Model.Transform.Columns.Select(c => (JsonNode?)new JsonObject
            {
                ["feature"] = c.Name,
                ["log1p"] = c.Log1p,
                ["skewness"] = Num(c.Skewness),
                ["winsor_lower"] = Num(c.Lower),
                ["winsor_upper"] = Num(c.Upper),
                ["mean"] = Num(c.Mean),
                ["sd"] = Num(c.StdDev),
                ["missing"] = c.Missing,
            })]),
            ["k_scores"] = new JsonArray([.. result.Scores.Select(s => (JsonNode?)new JsonObject
            {
                ["k"] = s.K,
                ["inertia"] = Num(s.Inertia),
                ["silhouette"] = Num(s.Silhouette),
                ["calinski_harabasz"] = Num(s.CalinskiHarabasz),
                ["iterations"] = s.Iterations,
                ["converged"] = s.Converged,
            })]),
            ["clusters"] = new JsonArray([.. run.Assignment.Profiles.Select(p => (JsonNode?)Profile(p, features))]),
            ["files"] = new JsonObject([.. run.Files.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))]),
            ["seconds"] = new JsonObject([.. run.Seconds.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))]),
        };
    }

    /// <summary>The JSON text, indented, Chinese unescaped.</summary>
    public static string ToJson(ClusteringRun run, long customers) => RunSummary.Print(ToJsonObject(run, customers));

    private static JsonObject Profile(ClusterProfile p, IReadOnlyList<string> features) => new()
    {
        ["key"] = p.Key,
        ["name_zh"] = p.Name.ZhCn,
        ["name_en"] = p.Name.En,
        ["customers"] = p.Size,
        ["share"] = Math.Round(p.Share, 6),
        ["means"] = new JsonObject([.. features.Select((f, j) => KeyValuePair.Create(f, (JsonNode?)Num(p.Means[j])))]),
        ["z_scores"] = new JsonObject([.. features.Select((f, j) => KeyValuePair.Create(f, (JsonNode?)Num(p.ZScores[j])))]),
    };

    private static JsonValue? Num(double value) => double.IsFinite(value) ? JsonValue.Create(Math.Round(value, 6)) : null;
}
