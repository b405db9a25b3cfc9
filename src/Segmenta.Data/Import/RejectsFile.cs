using DuckDB.NET.Data;

namespace Segmenta.Data.Import;

/// <summary>Writes rejected rows as CSV (UTF-8 with BOM so Excel shows Chinese text) with DuckDB's COPY.</summary>
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
            Db.Execute(connection, $"COPY ({rejectsSql}) TO {HeaderText.Literal(temp)} (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"')");
            using (var output = new FileStream(full, FileMode.Create, FileAccess.Write))
            {
                output.Write([0xEF, 0xBB, 0xBF]);
                using var input = File.OpenRead(temp);
                input.CopyTo(output);
            }
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
