using DuckDB.NET.Data;

namespace Segmenta.Data.Output;

/// <summary>
/// The SELECT list used for exported files: every text column that starts with a character a spreadsheet reads as
/// a formula (<c>= + - @</c>, tab, carriage return) gets a leading apostrophe, so a customer id or attribute value
/// such as <c>=HYPERLINK(…)</c> from an input file is shown as text and never runs (OWASP "CSV injection").
/// Numbers and dates are untouched.
/// </summary>
internal static class SafeSelect
{
    public static string For(DuckDBConnection connection, string table) => string.Join(", ", Columns(connection, table).Select(c => c.Sql));

    /// <summary>One select-list entry per column: its name, its (neutralised) expression, and "expression AS name".</summary>
    public static List<(string Name, string Expression, string Sql)> Columns(DuckDBConnection connection, string table)
    {
        var columns = new List<(string Name, string Expression, string Sql)>();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{table.Replace("'", "''", StringComparison.Ordinal)}' ORDER BY ordinal_position";
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var name = reader.GetString(0);
            var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var expression = reader.GetString(1) == "VARCHAR" ? Neutralised(quoted) : quoted;
            columns.Add((name, expression, expression == quoted ? quoted : expression + " AS " + quoted));
        }
        return columns;
    }

    /// <summary>The text expression <paramref name="column"/> with a leading apostrophe when it starts like a formula.</summary>
    public static string Neutralised(string column) =>
        $"CASE WHEN regexp_matches({column}, '^[=+\\-@\\t\\r]') THEN '''' || {column} ELSE {column} END";
}
