using System.Globalization;
using Segmenta.Data.Sql;

namespace Segmenta.Data.Engines;

/// <summary>A column of an engine table: its name, kind and, for decimals, precision and scale.</summary>
internal sealed record EngineColumn(string Name, ColumnKind Kind, int Precision = 18, int Scale = 4, bool Nullable = true)
{
    /// <summary>The DuckDB type this column is copied into for export.</summary>
    public string DuckDbType => Kind switch
    {
        ColumnKind.Integer => "BIGINT",
        ColumnKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({Precision},{Scale})"),
        ColumnKind.Double => "DOUBLE",
        ColumnKind.Date => "DATE",
        ColumnKind.Boolean => "BOOLEAN",
        _ => "VARCHAR",
    };

    /// <summary>The columns of a DuckDB table, in order.</summary>
    public static List<EngineColumn> OfDuckDbTable(DuckDB.NET.Data.DuckDBConnection connection, string table)
    {
        var columns = new List<EngineColumn>();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT column_name, data_type, numeric_precision, numeric_scale, is_nullable FROM information_schema.columns " +
                          $"WHERE table_name = {DuckDbDialect.Instance.StringLiteral(table)} ORDER BY ordinal_position";
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var kind = ColumnKinds.FromTypeName(reader.GetString(1));
            var nullable = reader.GetString(4) != "NO";
            columns.Add(kind == ColumnKind.Decimal
                ? new EngineColumn(reader.GetString(0), kind, Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture), nullable)
                : new EngineColumn(reader.GetString(0), kind, Nullable: nullable));
        }
        return columns;
    }
}
