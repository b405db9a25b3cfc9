using DuckDB.NET.Data;
using Segmenta.Core.Snapshots.Alerts;
using Segmenta.Data.Output;
using Segmenta.Data.Runs;
using Segmenta.Data.Snapshots;

namespace Segmenta.Data.Alerts;

/// <summary>Evaluates an alert rules file on a stored snapshot against the snapshot before it (by as-of date).</summary>
public static class AlertRunner
{
    /// <summary>The alerts file name in an output folder.</summary>
    public const string AlertsJson = "alerts.json";

    /// <summary>The table keeping the alerts evaluated on each snapshot (for <c>segmenta report</c>).</summary>
    public const string Table = "snapshot_alerts";

    /// <summary>
    /// Loads the rules, evaluates them, keeps the result with the snapshot (table <c>snapshot_alerts</c>, when
    /// <paramref name="keep"/>) and writes <c>alerts.json</c> into <paramref name="outDir"/> (when given).
    /// </summary>
    public static AlertReport Evaluate(DuckDBConnection connection, string rulesPath, long snapshotId, string? outDir, bool keep = true)
    {
        var rules = AlertRulesFile.Load(rulesPath);
        var store = new SnapshotStore(connection);
        var header = store.Require(snapshotId);
        var previous = store.Previous(snapshotId);
        var current = Cache(store, header);
        var before = previous is null ? null : Cache(store, previous);
        var inputs = new AlertInputs(header.AsOf, current, before, Interactions.LastContact(connection, header.AsOf));
        var report = new AlertReport(snapshotId, previous?.Id, AlertEvaluator.Evaluate(rules, inputs), null);
        if (keep) Keep(connection, report);
        return Write(report, outDir);
    }

    /// <summary>
    /// The same on a snapshot stored inside a server engine: the assignments of the schemes the rules name are read from
    /// the engine (the rules compare customers one by one); rules on last contact see no interactions.
    /// </summary>
    public static async Task<AlertReport> EvaluateAsync(ServerSnapshotStore store, string rulesPath, long snapshotId, string? outDir, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var rules = AlertRulesFile.Load(rulesPath);
        var header = await store.RequireAsync(snapshotId, cancellationToken).ConfigureAwait(false);
        var previous = await store.PreviousAsync(snapshotId, cancellationToken).ConfigureAwait(false);
        var current = Cache(header, scheme => store.AssignmentsAsync(header.Id, scheme, cancellationToken).GetAwaiter().GetResult());
        var before = previous is null ? null : Cache(previous, scheme => store.AssignmentsAsync(previous.Id, scheme, cancellationToken).GetAwaiter().GetResult());
        var inputs = new AlertInputs(header.AsOf, current, before, null);
        return Write(new AlertReport(snapshotId, previous?.Id, AlertEvaluator.Evaluate(rules, inputs), null), outDir);
    }

    private static AlertReport Write(AlertReport report, string? outDir)
    {
        if (outDir is null) return report;
        Directory.CreateDirectory(outDir);
        var file = Path.Combine(outDir, AlertsJson);
        AtomicFile.Write(file, temp => File.WriteAllText(temp, RunSummary.Print(report.ToJson())));
        return report with { File = file };
    }

    /// <summary>The alerts kept with snapshot <paramref name="snapshotId"/> as their JSON (see <see cref="AlertReport.ToJson"/>), or null.</summary>
    public static System.Text.Json.Nodes.JsonObject? Kept(DuckDBConnection connection, long snapshotId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM information_schema.tables WHERE table_name = '{Table}'";
        if (Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0) return null;
        cmd.CommandText = $"SELECT report FROM {Table} WHERE snapshot_id = {snapshotId} LIMIT 1";
        return cmd.ExecuteScalar() is string text ? System.Text.Json.Nodes.JsonNode.Parse(text) as System.Text.Json.Nodes.JsonObject : null;
    }

    private static void Keep(DuckDBConnection connection, AlertReport report)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"CREATE TABLE IF NOT EXISTS {Table} (snapshot_id BIGINT NOT NULL, report VARCHAR); DELETE FROM {Table} WHERE snapshot_id = {report.SnapshotId}; INSERT INTO {Table} VALUES ({report.SnapshotId}, $1)";
        cmd.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(report.ToJson().ToJsonString()));
        cmd.ExecuteNonQuery();
    }

    private static Func<string, IReadOnlyDictionary<string, string>?> Cache(SnapshotStore store, SnapshotHeader header) =>
        Cache(header, scheme => store.Assignments(header.Id, scheme));

    private static Func<string, IReadOnlyDictionary<string, string>?> Cache(SnapshotHeader header, Func<string, IReadOnlyDictionary<string, string>> read)
    {
        var cache = new Dictionary<string, IReadOnlyDictionary<string, string>?>(StringComparer.Ordinal);
        return scheme =>
        {
            if (cache.TryGetValue(scheme, out var hit)) return hit;
            var value = header.Scheme(scheme) is null ? null : read(scheme);
            cache[scheme] = value;
            return value;
        };
    }
}
