using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using ExcelDataReader;
using Segmenta.Core;

namespace Segmenta.Data.Import;

/// <summary>
/// Stages one sheet of an XLSX (or XLS) workbook: ExcelDataReader streams the rows and the DuckDB appender writes
/// them, as text, into a VARCHAR staging table. Numbers are written in invariant culture with round-trip precision,
/// date cells as <c>yyyy-MM-dd HH:mm:ss</c>, so the same SQL parses them as CSV values.
/// </summary>
internal static class XlsxStager
{
    static XlsxStager() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static StagedSource Stage(DuckDBConnection connection, string path, string? sheet, string source, CancellationToken cancellationToken)
    {
        var staged = new StagedSource(connection) { Format = "xlsx" };
        try
        {
            XlsxGuard.Check(path, source);
            using var stream = File.Open(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            SelectSheet(reader, sheet, source);
            if (!reader.Read())
            {
                throw new SegmentaInputException($"{source}: sheet \"{reader.Name}\" is empty. The first row must be the header.");
            }

            var headers = Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader.GetValue(i)) ?? "").ToList();
            while (headers.Count > 0 && headers[^1].Length == 0)
            {
                headers.RemoveAt(headers.Count - 1);
            }

            staged.Headers = headers;
            var stage = $"_segmenta_stage_{Guid.NewGuid():N}";
            staged.DropTables.Add($"temp.main.{stage}");
            var columns = string.Join(", ", Enumerable.Range(0, headers.Count).Select(i => Db.Col(i) + " VARCHAR"));
            Db.Execute(connection, $"CREATE TEMP TABLE {stage} (src_row BIGINT{(headers.Count > 0 ? ", " : "")}{columns})");
            var merged = new MergedCellFill(reader.MergeCells);
            long hidden = 0;
            using (var appender = connection.CreateAppender("temp", "main", stage))
            {
                long row = 1;
                while (reader.Read())
                {
                    row++;
                    if ((row & 0xFFF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    hidden += reader.RowHeight == 0 ? 1 : 0;
                    var appended = appender.CreateRow().AppendValue(row);
                    for (var i = 0; i < headers.Count; i++)
                    {
                        var text = merged.Fill(reader.Depth, i, i < reader.FieldCount ? Text(reader.GetValue(i)) : null);
                        appended = text is null ? appended.AppendNullValue() : appended.AppendValue(text);
                    }

                    appended.EndRow();
                }
            }

            AddWarnings(staged, source, merged.Filled, hidden);

            staged.RelationSql = $"SELECT * FROM temp.main.{stage}";
            return staged;
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or System.Xml.XmlException)
        {
            staged.Dispose();
            throw new SegmentaInputException($"{source}: not a readable Excel workbook ({e.Message}). Save it again as .xlsx, or export CSV.", e);
        }
        catch
        {
            staged.Dispose();
            throw;
        }
    }

    private static void AddWarnings(StagedSource staged, string source, long filled, long hidden)
    {
        if (filled > 0)
        {
            staged.Warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{source}: {filled} empty cell(s) of vertically merged ranges took the value of the range's top cell. / {filled} 个合并单元格已按首格的值填充。"));
        }

        if (hidden > 0)
        {
            staged.Warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{source}: {hidden} hidden row(s) were read like the others; delete them in Excel if they are not data. / 已读取 {hidden} 个隐藏行；如非数据请在 Excel 中删除。"));
        }
    }

    private static void SelectSheet(IExcelDataReader reader, string? sheet, string source)
    {
        if (sheet is null)
        {
            return;
        }

        var names = new List<string>();
        do
        {
            if (string.Equals(reader.Name, sheet, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            names.Add(reader.Name);
        }
        while (reader.NextResult());

        throw new SegmentaInputException(
            $"{source}: no sheet named \"{sheet}\". Sheets: {string.Join(", ", names.Select(n => "\"" + n + "\""))}. Use --sheet with one of them.");
    }

    /// <summary>A cell as text; null for empty cells.</summary>
    internal static string? Text(object? value) => value switch
    {
        null or DBNull => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
