using System.Data.Common;
using DuckDB.NET.Data;
using Segmenta.Data.DuckDb;

namespace Segmenta.Data.Customers;

/// <summary>Reads per-customer rows of the store's tables as column → value dictionaries (values as DuckDB.NET returns them).</summary>
internal static class StoreRows
{
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static Dictionary<string, object?> Read(DbDataReader reader)
    {
        var row = new Dictionary<string, object?>(reader.FieldCount, StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
            row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        return row;
    }

    /// <summary>One customer's row of <paramref name="table"/>, or null.</summary>
    public static Dictionary<string, object?>? One(DuckDBConnection connection, string table, string customerId)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT * FROM {table} WHERE customer_id = ?";
        cmd.Parameters.Add(new DuckDBParameter(customerId));
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    /// <summary>Ids close to <paramref name="customerId"/> (for "did you mean"); cheap: at most 100,000 candidates are compared.</summary>
    public static IReadOnlyList<string> Similar(DuckDBConnection connection, string customerId)
    {
        using var cmd = connection.CreateCommand();
        var prefix = customerId.Length > 3 ? customerId[..3] : "";
        // Same prefix (typos further on), or the same number without leading zeros ("1" for "00001").
        cmd.CommandText = $"SELECT customer_id FROM {DuckDbEngine.SegmentsTable} WHERE starts_with(customer_id, ?) OR ltrim(customer_id, '0') = ltrim(?, '0') LIMIT 100000";
        cmd.Parameters.Add(new DuckDBParameter(prefix));
        cmd.Parameters.Add(new DuckDBParameter(customerId));
        var ids = new List<string>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetString(0));
        var trimmed = customerId.TrimStart('0');
        var sameNumber = ids.Where(i => i.TrimStart('0') == trimmed && trimmed.Length > 0).ToList();
        return sameNumber.Count > 0 ? sameNumber : Core.Schemes.NameSuggestions.Suggest(customerId, ids);
    }
}
