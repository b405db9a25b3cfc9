using DuckDB.NET.Data;
using Segmenta.Data.Output;

namespace Segmenta.Data.Import;

/// <summary>
/// Writes rejected rows as CSV (UTF-8 with BOM so Excel shows Chinese text) with DuckDB's COPY, atomically (temp
/// file, then rename). <c>raw_value</c> echoes the input file, so values that a spreadsheet would run as a formula
/// are written with a leading apostrophe.
/// </summary>
internal static class RejectsFile
{
    public static void Write(DuckDBConnection connection, string rejectsSql, string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full);
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var temp = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            var safe = $"SELECT * REPLACE ({SafeSelect.Neutralised("raw_value")} AS raw_value) FROM ({rejectsSql})";
            try
            {
                Db.Execute(connection, $"COPY ({safe}) TO {HeaderText.Literal(temp)} (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"')");
            }
            catch (DuckDBException e) when (AtomicFile.IsDiskFull(e))
            {
                throw AtomicFile.Failure(full, e);
            }

            AtomicFile.WriteStream(full, output =>
            {
                output.Write([0xEF, 0xBB, 0xBF]);
                using var input = File.OpenRead(temp);
                input.CopyTo(output);
            });
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
