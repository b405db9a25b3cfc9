using DuckDB.NET.Data;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Segmenta.Data.Output;

/// <summary>Writes the per-customer segment table to CSV (UTF-8 with BOM, for Excel) and XLSX.</summary>
public static class CustomerTableExporter
{
    /// <summary>Excel's hard limit of rows per sheet, header included.</summary>
    public const int ExcelMaxRows = 1_048_576;

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Writes <paramref name="table"/> ordered by customer id to <paramref name="path"/>. DuckDB's COPY writes the
    /// body in parallel; the BOM is prepended while the file is moved into place atomically.
    /// </summary>
    public static void WriteCsv(DuckDBConnection connection, string table, string path)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var body = AtomicFile.TempPathFor(path) + ".body";
        try
        {
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = $"COPY (SELECT {SafeSelect.For(connection, table)} FROM {table} ORDER BY customer_id) TO '{body.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT csv, HEADER true, DELIMITER ',')";
                try
                {
                    cmd.ExecuteNonQuery();
                }
                catch (DuckDBException e) when (AtomicFile.IsDiskFull(e))
                {
                    throw AtomicFile.Failure(path, e);
                }
            }
            AtomicFile.WriteStream(path, stream =>
            {
                stream.Write(Utf8Bom);
                using var source = File.OpenRead(body);
                source.CopyTo(stream, 1 << 20);
            });
        }
        finally
        {
            if (File.Exists(body)) File.Delete(body);
        }
    }

    /// <summary>
    /// Writes <paramref name="table"/> to an XLSX workbook, streaming rows; past Excel's row limit the rows
    /// continue on sheets named <c>customers_2</c>, <c>customers_3</c>, … Returns the number of sheets.
    /// </summary>
    public static int WriteXlsx(DuckDBConnection connection, string table, string path, int rowsPerSheet = ExcelMaxRows - 1)
    {
        ArgumentNullException.ThrowIfNull(connection);
        long total;
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = $"SELECT count(*) FROM {table}";
            total = Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        var sheets = (int)Math.Max(1, (total + rowsPerSheet - 1) / rowsPerSheet);
        AtomicFile.Write(path, temp =>
        {
            var select = SafeSelect.For(connection, table);
            var readers = new List<System.Data.IDataReader>();
            var commands = new List<DuckDBCommand>();
            try
            {
                var sheetData = new Dictionary<string, object>();
                for (var s = 0; s < sheets; s++)
                {
                    var cmd = connection.CreateCommand();
                    cmd.CommandText = $"SELECT {select} FROM {table} ORDER BY customer_id LIMIT {rowsPerSheet} OFFSET {(long)s * rowsPerSheet}";
                    commands.Add(cmd);
                    var reader = cmd.ExecuteReader();
                    readers.Add(reader);
                    sheetData[s == 0 ? "customers" : $"customers_{s + 1}"] = reader;
                }
                MiniExcel.SaveAs(temp, sheetData, excelType: MiniExcelLibs.ExcelType.XLSX, overwriteFile: true);
            }
            finally
            {
                foreach (var r in readers) r.Dispose();
                foreach (var c in commands) c.Dispose();
            }
        });
        return sheets;
    }
}
