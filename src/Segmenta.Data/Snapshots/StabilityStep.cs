using System.Globalization;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Snapshots;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;

namespace Segmenta.Data.Snapshots;

/// <summary>What <see cref="StabilityStep.Apply"/> did.</summary>
/// <param name="Result">The run's result with the segment statistics recounted after customers were held.</param>
/// <param name="Reference">The reference snapshot, or null when nothing was stabilised.</param>
/// <param name="Json">Per scheme: hysteresis, minimum dwell, customers held (for the snapshot header); empty when none.</param>
public sealed record StabilityOutcome(SegmentationResult Result, long? Reference, string Json);

/// <summary>
/// Hysteresis and minimum dwell (<see cref="StabilityRule"/>) applied to the run's <c>customer_segments</c> table
/// against a reference snapshot, before the table is exported and stored. Only customers whose computed segment differs
/// from their reference segment are read; a held customer gets all of the scheme's columns (scores, segment, label) of
/// the reference snapshot back, and a column <c>&lt;segment column&gt;_held</c> saying why.
/// </summary>
public static class StabilityStep
{
    /// <summary>The built-in schemes with numeric cut points (hysteresis applies).</summary>
    public static readonly IReadOnlySet<string> BuiltInNumeric = new HashSet<string>(["rfm", "rfm_cn8", "abc", "value_tier"], StringComparer.Ordinal);

    /// <summary>YAML scheme kinds whose cuts are numeric (hysteresis applies); other kinds get minimum dwell only.</summary>
    public static readonly IReadOnlySet<string> NumericKinds = new HashSet<string>([SchemeKinds.Bins, SchemeKinds.Matrix, SchemeKinds.Grading], StringComparer.Ordinal);

    /// <summary>Per scheme the settings: the scheme's YAML <c>stability:</c> keys over the run's (<paramref name="run"/>).</summary>
    public static Dictionary<string, StabilitySettings> SettingsOf(StabilitySettings? run, IReadOnlyList<UserScheme> schemes, IEnumerable<string> builtIns)
    {
        ArgumentNullException.ThrowIfNull(schemes);
        ArgumentNullException.ThrowIfNull(builtIns);
        var result = new Dictionary<string, StabilitySettings>(StringComparer.Ordinal);
        if (run is { IsOff: false })
        {
            foreach (var name in builtIns) result[name] = run;
        }
        foreach (var scheme in schemes)
        {
            var own = scheme.Definition.Stability;
            var settings = new StabilitySettings(own?.Hysteresis ?? run?.Hysteresis ?? 0m, own?.MinDwell ?? run?.MinDwell ?? 0);
            if (!settings.IsOff) result[scheme.Definition.Name] = settings;
        }
        return result;
    }

    /// <summary>
    /// The reference snapshot: <paramref name="stableFrom"/> when given (it must exist), else the latest stored one;
    /// null when the store has none (the run is assigned normally).
    /// </summary>
    public static SnapshotHeader? Reference(DuckDBConnection connection, long? stableFrom)
    {
        var store = new SnapshotStore(connection);
        if (stableFrom is { } id) return store.Require(id);
        return store.List().OrderBy(h => h.AsOf).ThenBy(h => h.Id).LastOrDefault();
    }

    /// <summary>Applies the settings to the run's table and recounts the segments.</summary>
    public static StabilityOutcome Apply(
        DuckDBConnection connection, SegmentationResult result, IReadOnlyDictionary<string, StabilitySettings> settings,
        IReadOnlySet<string> hysteresisSchemes, SnapshotHeader? reference, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(hysteresisSchemes);
        ArgumentNullException.ThrowIfNull(notes);
        if (settings.Count == 0) return new StabilityOutcome(result, null, "");
        if (reference is null)
        {
            notes.Add("stability: no earlier snapshot in the store, so every customer is assigned normally (this run becomes the reference) / 稳定性：数据库中没有之前的快照，本次按常规分配（本次将作为参照）");
            return new StabilityOutcome(result, null, "");
        }
        var engine = new DuckDbEngine(connection);
        var json = new JsonObject();
        var schemes = result.Schemes.ToList();
        for (var i = 0; i < schemes.Count; i++)
        {
            var plan = schemes[i].Plan;
            if (!settings.TryGetValue(plan.Scheme, out var s)) continue;
            var before = reference.Scheme(plan.Scheme);
            if (before is null)
            {
                notes.Add($"stability: scheme {plan.Scheme} is not in reference snapshot {reference.Id}; assigned normally / 稳定性：参照快照 {reference.Id} 中没有方案 {plan.Scheme}，按常规分配");
                continue;
            }
            var held = Stabilise(connection, plan, before.SegmentColumn, reference, s, hysteresisSchemes.Contains(plan.Scheme));
            json[plan.Scheme] = new JsonObject
            {
                ["hysteresis"] = s.Hysteresis,
                ["min_dwell"] = s.MinDwell,
                ["hysteresis_applies"] = hysteresisSchemes.Contains(plan.Scheme),
                ["held"] = held,
            };
            notes.Add($"stability: {held:N0} customers kept in their segment of snapshot {reference.Id} in {plan.Scheme} (hysteresis {s.HysteresisText}, min dwell {s.MinDwell}) / 稳定性：{plan.Scheme} 中 {held:N0} 位客户保持在快照 {reference.Id} 的分群");
            if (held > 0)
            {
                var stats = engine.SegmentStatsAsync(plan.SegmentColumn, CancellationToken.None).GetAwaiter().GetResult();
                schemes[i] = schemes[i] with { Segments = SegmentationPipeline.InDisplayOrder(plan, stats) };
            }
        }
        return new StabilityOutcome(result with { Schemes = schemes }, reference.Id, json.ToJsonString());
    }

    /// <summary>Holds the scheme's movers that the rule keeps; returns how many.</summary>
    private static long Stabilise(DuckDBConnection connection, SchemePlan plan, string previousColumn, SnapshotHeader reference, StabilitySettings settings, bool hysteresis)
    {
        var table = DuckDbEngine.SegmentsTable;
        var previous = SnapshotStore.CustomersTable(reference.Id);
        var column = SnapshotStore.Quote(plan.SegmentColumn);
        var heldColumn = plan.SegmentColumn + "_held";
        const string movers = "stability_movers";
        const string kept = "stability_held";
        // A DuckDB run leaves customer_segments as a view over the features and the narrow assignments; holding customers
        // changes rows in place, so the view becomes a table of its own first (only when stability is asked for).
        DuckDbEngine.OwnSegmentsTable(connection);
        Db.Execute(connection, $"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {SnapshotStore.Quote(heldColumn)} VARCHAR");
        Db.Execute(connection, $"""
            CREATE OR REPLACE TEMP TABLE {movers} AS
            SELECT CAST(c.customer_id AS VARCHAR) AS id, CAST(p.{SnapshotStore.Quote(previousColumn)} AS VARCHAR) AS prev
            FROM {table} c JOIN {previous} p ON p.customer_id = c.customer_id
            WHERE p.{SnapshotStore.Quote(previousColumn)} IS NOT NULL
              AND CAST(c.{column} AS VARCHAR) IS DISTINCT FROM CAST(p.{SnapshotStore.Quote(previousColumn)} AS VARCHAR)
            """);
        try
        {
            var dwell = Dwell(connection, plan.Scheme, reference, settings.MinDwell, movers);
            var decisions = new List<(string Id, string Reason)>();
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = $"SELECT m.prev, c.* FROM {table} c JOIN {movers} m ON m.id = CAST(c.customer_id AS VARCHAR)";
                using var reader = cmd.ExecuteReader();
                while (reader.Read())
                {
                    var row = new Dictionary<string, object?>(reader.FieldCount, StringComparer.Ordinal);
                    for (var f = 1; f < reader.FieldCount; f++) row[reader.GetName(f)] = reader.IsDBNull(f) ? null : reader.GetValue(f);
                    var id = Convert.ToString(row["customer_id"], CultureInfo.InvariantCulture) ?? "";
                    var computed = StabilityRule.SegmentText(row[plan.SegmentColumn]) ?? "";
                    var decision = StabilityRule.Decide(plan, computed, reader.GetString(0), dwell.TryGetValue(id, out var d) ? d : 1, row, settings, hysteresis);
                    if (decision.Reason is { } reason) decisions.Add((id, reason));
                }
            }
            if (decisions.Count == 0) return 0;
            Db.Execute(connection, $"CREATE OR REPLACE TEMP TABLE {kept} (id VARCHAR, reason VARCHAR)");
            using (var appender = connection.CreateAppender(kept))
            {
                foreach (var (id, reason) in decisions) appender.CreateRow().AppendValue(id).AppendValue(reason).EndRow();
            }
            // The scheme's own columns (scores, segment) and its label come back from the reference snapshot.
            var current = new DuckDbEngine(connection).TableColumns(table).ToHashSet(StringComparer.Ordinal);
            var before = new SnapshotStore(connection).CustomerColumns(reference.Id).ToHashSet(StringComparer.Ordinal);
            var restored = plan.Layers.SelectMany(l => l).Select(c => c.Name).Append(plan.SegmentColumn + "_label")
                .Where(c => current.Contains(c) && before.Contains(c)).Distinct(StringComparer.Ordinal).ToList();
            var sets = restored.Select(c => $"{SnapshotStore.Quote(c)} = p.{SnapshotStore.Quote(c)}").Append($"{SnapshotStore.Quote(heldColumn)} = h.reason");
            Db.Execute(connection, $"""
                UPDATE {table} SET {string.Join(", ", sets)}
                FROM {kept} h, {previous} p
                WHERE h.id = CAST({table}.customer_id AS VARCHAR) AND p.customer_id = {table}.customer_id
                """);
            Db.Execute(connection, $"DROP TABLE {kept}");
            return decisions.Count;
        }
        finally
        {
            Db.Execute(connection, $"DROP TABLE IF EXISTS {movers}");
        }
    }

    /// <summary>
    /// Per mover: the consecutive snapshots (ending with the reference, in as-of order) she was in her reference
    /// segment; <see cref="int.MaxValue"/> when that run reaches the oldest snapshot holding the scheme (she has been
    /// there as long as the store knows). Only looks back as far as <paramref name="minDwell"/> needs.
    /// </summary>
    private static Dictionary<string, int> Dwell(DuckDBConnection connection, string scheme, SnapshotHeader reference, int minDwell, string movers)
    {
        var dwell = new Dictionary<string, int>(StringComparer.Ordinal);
        if (minDwell <= 1) return dwell;
        var chain = new SnapshotStore(connection).List()
            .Where(h => h.Scheme(scheme) is not null && (h.AsOf < reference.AsOf || (h.AsOf == reference.AsOf && h.Id <= reference.Id)))
            .OrderBy(h => h.AsOf).ThenBy(h => h.Id).ToList();
        foreach (var row in Db.Rows(connection, $"SELECT id FROM {movers}")) dwell[(string)row[0]!] = 1;
        var running = dwell.Keys.ToHashSet(StringComparer.Ordinal);
        var position = chain.Count - 1;   // the reference
        for (var step = 1; step < minDwell && running.Count > 0; step++)
        {
            if (position - step < 0)
            {
                foreach (var id in running) dwell[id] = int.MaxValue;
                break;
            }
            var earlier = chain[position - step];
            var col = SnapshotStore.Quote(earlier.Scheme(scheme)!.SegmentColumn);
            var same = Db.Rows(connection, $"SELECT m.id FROM {movers} m JOIN {SnapshotStore.CustomersTable(earlier.Id)} e ON CAST(e.customer_id AS VARCHAR) = m.id WHERE CAST(e.{col} AS VARCHAR) = m.prev")
                .Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
            running.IntersectWith(same);
            foreach (var id in running) dwell[id] = step + 1;
        }
        return dwell;
    }
}
