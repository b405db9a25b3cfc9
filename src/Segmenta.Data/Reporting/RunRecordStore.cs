using System.Text.Json;
using DuckDB.NET.Data;
using Segmenta.Core;

namespace Segmenta.Data.Reporting;

/// <summary>
/// Saves and loads the <see cref="RunRecord"/> of the last run in the store (table <c>segmenta_run</c>, one row), and
/// the record of every snapshot (table <c>snapshot_runs</c>, one row per snapshot id) so a report of an older snapshot
/// shows that run's row accounting, labels, cut points and models.
/// </summary>
public static class RunRecordStore
{
    /// <summary>The table holding the last run's record as JSON.</summary>
    public const string Table = "segmenta_run";

    /// <summary>The table holding each snapshot's run record as JSON.</summary>
    public const string SnapshotTable = "snapshot_runs";

    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Replaces the stored record.</summary>
    public static void Save(DuckDBConnection connection, RunRecord record)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(record);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"CREATE OR REPLACE TABLE {Table} (saved_at TIMESTAMP DEFAULT current_timestamp, record VARCHAR); INSERT INTO {Table} (record) VALUES ($1)";
        cmd.Parameters.Add(new DuckDBParameter(JsonSerializer.Serialize(record, Json)));
        cmd.ExecuteNonQuery();
        if (record.SnapshotId is { } id) SaveForSnapshot(connection, id, record);
    }

    /// <summary>Keeps <paramref name="record"/> as the run record of snapshot <paramref name="snapshotId"/> (replacing an older one).</summary>
    public static void SaveForSnapshot(DuckDBConnection connection, long snapshotId, RunRecord record)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(record);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"CREATE TABLE IF NOT EXISTS {SnapshotTable} (snapshot_id BIGINT NOT NULL, record VARCHAR); DELETE FROM {SnapshotTable} WHERE snapshot_id = {snapshotId}; INSERT INTO {SnapshotTable} VALUES ({snapshotId}, $1)";
        cmd.Parameters.Add(new DuckDBParameter(JsonSerializer.Serialize(record with { SnapshotId = snapshotId }, Json)));
        cmd.ExecuteNonQuery();
    }

    /// <summary>The run record kept with snapshot <paramref name="snapshotId"/>, or null (snapshots written before records were kept).</summary>
    public static RunRecord? LoadForSnapshot(DuckDBConnection connection, long snapshotId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM information_schema.tables WHERE table_name = '{SnapshotTable}'";
        if (Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0) return null;
        cmd.CommandText = $"SELECT record FROM {SnapshotTable} WHERE snapshot_id = {snapshotId} LIMIT 1";
        return cmd.ExecuteScalar() is string text ? Parse(text, SnapshotTable) : null;
    }

    /// <summary>The stored record, or null when no run was saved in this store.</summary>
    public static RunRecord? Load(DuckDBConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM information_schema.tables WHERE table_name = '{Table}'";
        if (Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0) return null;
        cmd.CommandText = $"SELECT record FROM {Table} LIMIT 1";
        var text = cmd.ExecuteScalar() as string;
        return text is null ? null : Parse(text, Table);
    }

    private static RunRecord? Parse(string text, string table)
    {
        try
        {
            return JsonSerializer.Deserialize<RunRecord>(text, Json);
        }
        catch (JsonException ex)
        {
            throw new SegmentaInputException($"The run record in table {table} cannot be read ({ex.Message}): run segmenta segment again with the same --db.");
        }
    }
}
