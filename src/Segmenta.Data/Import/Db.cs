using System.Globalization;
using DuckDB.NET.Data;

namespace Segmenta.Data.Import;

/// <summary>Small helpers to run SQL on a DuckDB connection.</summary>
internal static class Db
{
    public static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        SqlTrace.Time(sql, command.ExecuteNonQuery);
    }

    /// <summary>Runs a long statement; cancelling the token asks DuckDB to interrupt it.</summary>
    public static void ExecuteCancellable(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using (cancellationToken.Register(command.Cancel))
        {
            SqlTrace.Time(sql, command.ExecuteNonQuery);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    public static long Long(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = SqlTrace.Time(sql, command.ExecuteScalar);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public static List<object?[]> Rows(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = SqlTrace.Time(sql, command.ExecuteReader);
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Staging column name of the source column at <paramref name="index"/>.</summary>
    public static string Col(int index) => "c" + index.ToString(CultureInfo.InvariantCulture);
}
