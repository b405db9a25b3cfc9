using DuckDB.NET.Data;

namespace Segmenta.Data.Import;

/// <summary>
/// Stages a Parquet file without copying it: the relation reads it with <c>read_parquet</c> and casts each column to
/// VARCHAR, so typed and text columns go through the same parsing SQL. Row numbers come from <c>file_row_number</c>.
/// </summary>
internal static class ParquetStager
{
    public static StagedSource Stage(DuckDBConnection connection, string path)
    {
        var staged = new StagedSource(connection) { Format = "parquet" };
        var file = HeaderText.Literal(path);
        var names = Db.Rows(connection, $"DESCRIBE SELECT * FROM read_parquet({file})").Select(r => (string)r[0]!).ToList();
        staged.Headers = names;
        var columns = string.Join("", names.Select((n, i) => $", CAST({HeaderText.Quote(n)} AS VARCHAR) AS {Db.Col(i)}"));
        staged.RelationSql = $"SELECT file_row_number + 2 AS src_row{columns} FROM read_parquet({file}, file_row_number = true)";
        return staged;
    }
}
