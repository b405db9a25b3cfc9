using DuckDB.NET.Data;

namespace Segmenta.Data.Output;

/// <summary>
/// Writes computed per-row results (scores, recommendations) to a CSV file the same way customers.csv is written:
/// staged in a temporary DuckDB table with the appender, then COPY with text cells formula-neutralised
/// (<see cref="SafeSelect"/>), UTF-8 with BOM, moved into place atomically (<see cref="AtomicFile"/>).
/// </summary>
public static class ResultTable
{
    /// <summary>One output column: its name, DuckDB type (<c>VARCHAR</c>, <c>DOUBLE</c>, <c>BIGINT</c>, <c>BOOLEAN</c>) and value per row.</summary>
    /// <param name="Name">Column name in the header.</param>
    /// <param name="Type">DuckDB type.</param>
    /// <param name="Value">The value of row i (null for an empty cell).</param>
    public sealed record Column(string Name, string Type, Func<int, object?> Value);

    /// <summary>Writes <paramref name="rows"/> rows to <paramref name="path"/>, ordered by <paramref name="orderBy"/> (column names).</summary>
    public static void WriteCsv(DuckDBConnection connection, string path, int rows, IReadOnlyList<Column> columns, string orderBy)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(columns);
        var table = "result_" + Guid.NewGuid().ToString("N")[..12];
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"CREATE TEMP TABLE {table} ({string.Join(", ", columns.Select(c => Quote(c.Name) + " " + c.Type))})";
            cmd.ExecuteNonQuery();
        }
        try
        {
            using (var appender = connection.CreateAppender(table))
            {
                for (var i = 0; i < rows; i++)
                {
                    var row = appender.CreateRow();
                    foreach (var column in columns) row = Append(row, column.Type, column.Value(i));
                    row.EndRow();
                }
            }
            CustomerTableExporter.WriteCsv(connection, table, path, sorted: true, orderBy: orderBy);
        }
        finally
        {
            using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP TABLE IF EXISTS {table}";
            drop.ExecuteNonQuery();
        }
    }

    private static IDuckDBAppenderRow Append(IDuckDBAppenderRow row, string type, object? value) => value switch
    {
        null => row.AppendNullValue(),
        string s => row.AppendValue(s),
        double d => double.IsFinite(d) ? row.AppendValue(d) : row.AppendNullValue(),
        long l => row.AppendValue(l),
        int n => type == "DOUBLE" ? row.AppendValue((double)n) : row.AppendValue((long)n),
        bool b => row.AppendValue(b),
        _ => row.AppendValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
    };

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
