using DuckDB.NET.Data;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Segmenta.Data.Output;

/// <summary>Writes the per-customer segment table to CSV (UTF-8 with BOM, for Excel) and XLSX.</summary>
public static class CustomerTableExporter
{
    /// <summary>Excel's hard limit of rows per sheet, header included.</summary>
    public const int ExcelMaxRows = 1_048_576;

    /// <summary>Up to this many rows, customers.csv is ordered by customer id unless the caller says otherwise.</summary>
    public const long SortedByDefaultUpTo = 1_000_000;

    /// <summary>
    /// Writes <paramref name="table"/> to <paramref name="path"/> as UTF-8 with a BOM (for Excel), in one DuckDB COPY
    /// straight into the temporary file that is then moved into place atomically. The BOM is written as the first
    /// character of the first header name, so no second pass over the file is needed. Ordered by customer id when
    /// <paramref name="sorted"/> is true (or null and the table has at most <see cref="SortedByDefaultUpTo"/> rows);
    /// otherwise DuckDB writes the rows in parallel in no particular order (<c>preserve_insertion_order = false</c>).
    /// <paramref name="orderBy"/> is the sort key when ordered (customer id by default).
    /// </summary>
    public static void WriteCsv(DuckDBConnection connection, string table, string path, bool? sorted = null, string orderBy = "customer_id")
    {
        ArgumentNullException.ThrowIfNull(connection);
        var columns = SafeSelect.Columns(connection, table);
        // "\uFEFF" + the first column's name: DuckDB writes header names unquoted unless they hold a delimiter or quote.
        columns[0] = columns[0] with { Sql = columns[0].Expression + " AS \"\uFEFF" + columns[0].Name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" };
        var select = string.Join(", ", columns.Select(c => c.Sql));
        var order = sorted ?? Count(connection, table) <= SortedByDefaultUpTo;
        var keep = Setting(connection, "preserve_insertion_order");
        AtomicFile.Write(path, temp =>
        {
            try
            {
                if (!order) Execute(connection, "SET preserve_insertion_order = false");
                Execute(connection, $"COPY (SELECT {select} FROM {table}{(order ? " ORDER BY " + orderBy : "")}) TO '{temp.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT csv, HEADER true, DELIMITER ',')");
            }
            finally
            {
                if (!order) Execute(connection, $"SET preserve_insertion_order = {(keep ? "true" : "false")}");
            }
        });
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static long Count(DuckDBConnection connection, string table)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM {table}";
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool Setting(DuckDBConnection connection, string name)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT current_setting('{name}')";
        return cmd.ExecuteScalar() is true;
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
