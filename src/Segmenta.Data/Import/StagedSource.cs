using DuckDB.NET.Data;

namespace Segmenta.Data.Import;

/// <summary>
/// A file made readable by SQL: <see cref="RelationSql"/> selects <c>src_row BIGINT</c> and the source columns as
/// VARCHAR <c>c0 … cN</c> (data rows only); <see cref="StructuralRejectsSql"/>, when set, selects the rows that could
/// not be split into columns as <c>(src_row BIGINT, raw_value VARCHAR, reason VARCHAR)</c>. Disposing drops the
/// staging tables and deletes temporary files.
/// </summary>
internal sealed class StagedSource(DuckDBConnection connection) : IDisposable
{
    public IReadOnlyList<string> Headers { get; set; } = [];

    public string RelationSql { get; set; } = "";

    public string? StructuralRejectsSql { get; set; }

    public string Format { get; set; } = "csv";

    public string? EncodingName { get; set; }

    public long BlankLines { get; set; }

    public List<string> Warnings { get; } = [];

    public List<string> DropTables { get; } = [];

    public List<string> TempFiles { get; } = [];

    public void Dispose()
    {
        foreach (var table in DropTables)
        {
            Db.Execute(connection, $"DROP TABLE IF EXISTS {table}");
        }

        foreach (var file in TempFiles)
        {
            File.Delete(file);
        }
    }
}
