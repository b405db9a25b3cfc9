using DuckDB.NET.Data;
using Segmenta.Data.Snapshots;

namespace Segmenta.Data.Alerts;

/// <summary>Reads the optional <c>interactions(customer_id, interaction_date, type, cost, owner)</c> table when it was imported.</summary>
public static class Interactions
{
    /// <summary>The interactions table.</summary>
    public const string Table = "interactions";

    /// <summary>Whether interactions were imported into the store.</summary>
    public static bool Exists(DuckDBConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new SnapshotStore(connection).Long($"SELECT count(*) FROM information_schema.tables WHERE table_name = '{Table}'") > 0;
    }

    /// <summary>Customer → last interaction on or before <paramref name="asOf"/>; null when no interactions were imported.</summary>
    public static IReadOnlyDictionary<string, DateOnly>? LastContact(DuckDBConnection connection, DateOnly asOf)
    {
        if (!Exists(connection)) return null;
        var result = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        using var reader = new SnapshotStore(connection).Query(
            $"SELECT CAST(customer_id AS VARCHAR), CAST(max(interaction_date) AS DATE) FROM {Table} WHERE CAST(interaction_date AS DATE) <= {SnapshotStore.Date(asOf)} GROUP BY 1");
        while (reader.Read())
        {
            if (!reader.IsDBNull(0) && !reader.IsDBNull(1)) result[reader.GetString(0)] = reader.GetFieldValue<DateOnly>(1);
        }
        return result;
    }
}
