using DuckDB.NET.Data;
using Segmenta.Data.Sql;

namespace Segmenta.Data.Engines;

/// <summary>Receives rows streamed from a server engine into a new DuckDB table, typed by the source columns.</summary>
internal sealed class DuckDbRowSink : IDisposable
{
    private readonly DuckDBAppender _appender;
    private readonly IReadOnlyList<EngineColumn> _columns;

    public DuckDbRowSink(DuckDBConnection connection, string table, IReadOnlyList<EngineColumn> columns)
    {
        _columns = columns;
        var quoted = DuckDbDialect.Instance.QuoteIdentifier(table);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"CREATE OR REPLACE TABLE {quoted} ({string.Join(", ", columns.Select(c => DuckDbDialect.Instance.QuoteIdentifier(c.Name) + " " + c.DuckDbType))})";
            cmd.ExecuteNonQuery();
        }
        _appender = connection.CreateAppender(table);
    }

    /// <summary>Appends one row; <paramref name="values"/> holds long, decimal, double, string, DateOnly, bool or null per column.</summary>
    public void Add(object?[] values)
    {
        var row = _appender.CreateRow();
        for (var i = 0; i < _columns.Count; i++)
        {
            var v = values[i];
            row = _columns[i].Kind switch
            {
                ColumnKind.Integer => row.AppendValue(v is null ? null : Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)),
                ColumnKind.Decimal => row.AppendValue(v is null ? null : Convert.ToDecimal(v, System.Globalization.CultureInfo.InvariantCulture)),
                ColumnKind.Double => row.AppendValue(v is null ? null : Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)),
                ColumnKind.Date => row.AppendValue((DateOnly?)v),
                ColumnKind.Boolean => row.AppendValue((bool?)v),
                _ => row.AppendValue(v is null ? null : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)),
            };
        }
        row.EndRow();
    }

    public void Dispose() => _appender.Dispose();
}
