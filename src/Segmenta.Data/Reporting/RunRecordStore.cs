using System.Text.Json;
using DuckDB.NET.Data;
using Segmenta.Core;

namespace Segmenta.Data.Reporting;

/// <summary>Saves and loads the <see cref="RunRecord"/> of the last run in the store (table <c>segmenta_run</c>, one row).</summary>
public static class RunRecordStore
{
    /// <summary>The table holding the last run's record as JSON.</summary>
    public const string Table = "segmenta_run";

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
        if (text is null) return null;
        try
        {
            return JsonSerializer.Deserialize<RunRecord>(text, Json);
        }
        catch (JsonException ex)
        {
            throw new SegmentaInputException($"The run record in table {Table} cannot be read ({ex.Message}): run segmenta segment again with the same --db.");
        }
    }
}
