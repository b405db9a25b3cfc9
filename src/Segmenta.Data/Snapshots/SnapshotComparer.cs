using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Segmenta.Core.Snapshots.Migration;
using Segmenta.Data.Output;
using Segmenta.Data.Runs;

namespace Segmenta.Data.Snapshots;

/// <summary>Migration between two stored snapshots: compute, print as JSON, write CSV/JSON files for reports.</summary>
public static class SnapshotComparer
{
    /// <summary>Features shown before/after in the movers file, when both snapshots have them (plus every <c>clv_*</c> and <c>p_alive</c>).</summary>
    public static IReadOnlyList<string> MoverFeatures { get; } = ["recency_days", "orders", "frequency", "monetary_total", "monetary_mean", "tenure_days", "p_alive"];

    /// <summary>Compares snapshot <paramref name="a"/> with <paramref name="b"/> for one scheme, or every scheme both have.</summary>
    /// <exception cref="Core.SegmentaInputException">A snapshot or the scheme does not exist.</exception>
    public static SnapshotDiff Diff(DuckDBConnection connection, long a, long b, string? scheme = null)
    {
        var store = new SnapshotStore(connection);
        var before = store.Require(a);
        var after = store.Require(b);
        var names = scheme is not null
            ? [(before.Scheme(scheme) ?? throw SnapshotStore.UnknownScheme(before, scheme)).Name]
            : before.Schemes.Select(s => s.Name).Where(n => after.Scheme(n) is not null).ToList();
        if (scheme is not null && after.Scheme(scheme) is null) throw SnapshotStore.UnknownScheme(after, scheme);
        var results = names.Select(name => MigrationAnalysis.Compare(
            name, store.Assignments(a, name), store.Assignments(b, name),
            [.. after.Scheme(name)!.Segments.Select(s => s.Key)])).ToList();
        return new SnapshotDiff(before, after, results);
    }

    /// <summary>The diff as JSON: per scheme the matrix (counts, row shares), movers (first <paramref name="maxMovers"/>), entries/exits and Sankey data.</summary>
    public static JsonObject ToJson(SnapshotDiff diff, int maxMovers = 100)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var schemes = new JsonObject();
        foreach (var m in diff.Schemes)
        {
            schemes[m.Scheme] = new JsonObject
            {
                ["segments"] = new JsonArray([.. m.Matrix.Segments.Select(s => (JsonNode?)s)]),
                ["counts"] = new JsonArray([.. m.Matrix.Counts.Select(r => (JsonNode?)new JsonArray([.. r.Select(c => (JsonNode?)c)]))]),
                ["row_shares"] = new JsonArray([.. m.Matrix.RowShares.Select(r => (JsonNode?)new JsonArray([.. r.Select(c => (JsonNode?)Math.Round(c, 6))]))]),
                ["customers_in_both"] = m.Matrix.Total,
                ["stayed"] = m.Matrix.Stayed,
                ["movers_count"] = m.MoversCount,
                ["movers"] = new JsonArray([.. m.Movers.Take(maxMovers).Select(v => (JsonNode?)new JsonObject { ["customer_id"] = v.CustomerId, ["from"] = v.From, ["to"] = v.To })]),
                ["only_before"] = Counts(m.OnlyBefore),
                ["only_after"] = Counts(m.OnlyAfter),
                ["sankey"] = Sankey(m),
            };
        }
        return new JsonObject
        {
            ["before"] = Header(diff.Before),
            ["after"] = Header(diff.After),
            ["schemes"] = schemes,
        };
    }

    /// <summary>
    /// ECharts-ready Sankey data: <c>nodes</c> named <c>"before:KEY"</c> / <c>"after:KEY"</c> (both sides of a segment are
    /// distinct nodes) and <c>links</c> {source, target, value} in customers.
    /// </summary>
    public static JsonObject Sankey(MigrationResult migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        var used = migration.Flows.SelectMany(f => new[] { "before:" + f.Source, "after:" + f.Target }).Distinct(StringComparer.Ordinal).ToList();
        return new JsonObject
        {
            ["nodes"] = new JsonArray([.. used.Select(n => (JsonNode?)new JsonObject { ["name"] = n })]),
            ["links"] = new JsonArray([.. migration.Flows.Select(f => (JsonNode?)new JsonObject
            {
                ["source"] = "before:" + f.Source,
                ["target"] = "after:" + f.Target,
                ["value"] = f.Value,
            })]),
        };
    }

    /// <summary>
    /// Writes into <paramref name="outDir"/>: <c>migration.json</c> (all movers), and per scheme
    /// <c>transitions_&lt;scheme&gt;.csv</c> (counts and row shares) and <c>movers_&lt;scheme&gt;.csv</c> (every mover with
    /// before/after features; only with a DuckDB store <paramref name="connection"/> — a server engine's diff carries the
    /// first movers in migration.json). Returns the files written.
    /// </summary>
    public static IReadOnlyList<string> WriteFiles(DuckDBConnection? connection, SnapshotDiff diff, string outDir)
    {
        ArgumentNullException.ThrowIfNull(diff);
        Directory.CreateDirectory(outDir);
        var files = new List<string>();
        var json = Path.Combine(outDir, "migration.json");
        AtomicFile.Write(json, temp => File.WriteAllText(temp, RunSummary.Print(ToJson(diff, int.MaxValue))));
        files.Add(json);
        foreach (var m in diff.Schemes)
        {
            var matrix = Path.Combine(outDir, $"transitions_{m.Scheme}.csv");
            AtomicFile.Write(matrix, temp => File.WriteAllText(temp, MatrixCsv(m.Matrix), new UTF8Encoding(true)));
            files.Add(matrix);
            if (connection is null) continue;
            var movers = Path.Combine(outDir, $"movers_{m.Scheme}.csv");
            WriteMovers(connection, diff, m.Scheme, movers);
            files.Add(movers);
        }
        return files;
    }

    private static void WriteMovers(DuckDBConnection connection, SnapshotDiff diff, string scheme, string path)
    {
        var store = new SnapshotStore(connection);
        var a = diff.Before.Id;
        var b = diff.After.Id;
        var both = store.CustomerColumns(a).Intersect(store.CustomerColumns(b), StringComparer.Ordinal)
            .Where(c => MoverFeatures.Contains(c) || c.StartsWith("clv_", StringComparison.Ordinal)).ToList();
        var features = string.Join("", both.Select(c =>
            $", fa.{SnapshotStore.Quote(c)} AS {SnapshotStore.Quote(c + "_before")}, fb.{SnapshotStore.Quote(c)} AS {SnapshotStore.Quote(c + "_after")}"));
        var before = $"CAST(fa.{SnapshotStore.Quote(SegmentColumn(diff.Before, scheme))} AS VARCHAR)";
        var after = $"CAST(fb.{SnapshotStore.Quote(SegmentColumn(diff.After, scheme))} AS VARCHAR)";
        const string staging = "snapshot_movers_export";
        store.Execute($"""
            CREATE OR REPLACE TEMP TABLE {staging} AS
            SELECT CAST(fa.customer_id AS VARCHAR) AS customer_id, coalesce({before}, '') AS segment_before, coalesce({after}, '') AS segment_after{features}
            FROM {SnapshotStore.CustomersTable(a)} fa
            JOIN {SnapshotStore.CustomersTable(b)} fb ON CAST(fb.customer_id AS VARCHAR) = CAST(fa.customer_id AS VARCHAR)
            WHERE coalesce({before}, '') <> coalesce({after}, '')
            """);
        try
        {
            CustomerTableExporter.WriteCsv(connection, staging, path);
        }
        finally
        {
            store.Execute($"DROP TABLE IF EXISTS {staging}");
        }
    }

    private static string SegmentColumn(SnapshotHeader header, string scheme) =>
        (header.Scheme(scheme) ?? throw SnapshotStore.UnknownScheme(header, scheme)).SegmentColumn;

    private static string MatrixCsv(TransitionMatrix m)
    {
        var sb = new StringBuilder();
        sb.Append("from\\to,").Append(string.Join(",", m.Segments.Select(Csv))).Append(",total\n");
        for (var i = 0; i < m.Segments.Count; i++)
            sb.Append(Csv(m.Segments[i])).Append(',').Append(string.Join(",", m.Counts[i])).Append(',').Append(m.Counts[i].Sum()).Append('\n');
        sb.Append('\n').Append("row shares,").Append(string.Join(",", m.Segments.Select(Csv))).Append('\n');
        var shares = m.RowShares;
        for (var i = 0; i < m.Segments.Count; i++)
            sb.Append(Csv(m.Segments[i])).Append(',').Append(string.Join(",", shares[i].Select(s => s.ToString("0.######", CultureInfo.InvariantCulture)))).Append('\n');
        return sb.ToString();
    }

    private static string Csv(string text)
    {
        var safe = text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
        return safe.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    private static JsonObject Counts(IReadOnlyDictionary<string, long> counts) =>
        new([.. counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]);

    /// <summary>A header as JSON (for <c>snapshots show/list --json</c>).</summary>
    public static JsonObject Header(SnapshotHeader h)
    {
        ArgumentNullException.ThrowIfNull(h);
        return new JsonObject
        {
            ["id"] = h.Id,
            ["run_id"] = h.RunId,
            ["as_of"] = h.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["created_at"] = h.CreatedAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["engine"] = h.Engine,
            ["kind"] = h.Kind,
            ["customers"] = h.Customers,
            ["status"] = h.Status,
            ["content_hash"] = h.ContentHash,
            ["frozen_from"] = h.FrozenFrom,
            ["stable_from"] = h.StableFrom,
            ["stability"] = h.Stability.Length == 0 ? null : JsonNode.Parse(h.Stability),
            ["input"] = new JsonObject { ["path"] = h.Input.Path, ["sha256"] = h.Input.Sha256, ["bytes"] = h.Input.Bytes, ["rows"] = h.Input.Rows },
            ["schemes"] = new JsonArray([.. h.Schemes.Select(s => (JsonNode?)new JsonObject
            {
                ["name"] = s.Name,
                ["version"] = s.Version,
                ["plan_hash"] = s.PlanHash,
                ["segment_column"] = s.SegmentColumn,
                ["parameters"] = new JsonObject([.. s.Parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)new JsonArray([.. p.Value.Select(v => (JsonNode?)JsonValue.Create(v))])))]),
            })]),
        };
    }
}
