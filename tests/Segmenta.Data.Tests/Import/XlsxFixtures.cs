using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Segmenta.Data.Tests.Import;

/// <summary>
/// Writes small XLSX workbooks as raw SpreadsheetML, so a test can put exactly the feature it needs in a sheet: merged
/// cells, hidden rows, formulas with or without a cached value, date-formatted serials, empty sheets, and zip-bomb-shaped
/// parts. (MiniExcel and ClosedXML cannot write hidden rows or formulas without computing them.)
/// </summary>
internal static class XlsxFixtures
{
    /// <summary>A formula cell: <paramref name="Expression"/> with the value Excel saved for it (or none).</summary>
    public sealed record Formula(string Expression, double? Cached);

    /// <summary>A number shown as a date (style <c>numFmtId 14</c>): the Excel serial of <paramref name="Date"/>.</summary>
    public sealed record DateCell(DateOnly Date);

    /// <summary>One sheet: rows of cells (string = text, double/int = number, <see cref="Formula"/>, <see cref="DateCell"/>, null = empty).</summary>
    public sealed record Sheet(string Name, object?[][] Rows)
    {
        /// <summary>1-based row numbers marked hidden.</summary>
        public int[] HiddenRows { get; init; } = [];

        /// <summary>Merged ranges such as <c>A2:A4</c>.</summary>
        public string[] Merges { get; init; } = [];

        /// <summary>Extra bytes of XML whitespace inside the sheet (compresses ≈ 1000×: a zip-bomb shape).</summary>
        public long Padding { get; init; }
    }

    public static string Write(string path, params Sheet[] sheets)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" +
            string.Concat(sheets.Select((_, i) => $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")) +
            "</Types>");
        Add(zip, "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Add(zip, "xl/workbook.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " +
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" +
            string.Concat(sheets.Select((s, i) => $"<sheet name=\"{SecurityElement.Escape(s.Name)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>")) +
            "</sheets></workbook>");
        Add(zip, "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
            string.Concat(sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>")) +
            $"<Relationship Id=\"rId{sheets.Length + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>" +
            "</Relationships>");
        Add(zip, "xl/styles.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
            "<fonts count=\"1\"><font/></fonts><fills count=\"1\"><fill/></fills><borders count=\"1\"><border/></borders>" +
            "<cellStyleXfs count=\"1\"><xf/></cellStyleXfs>" +
            "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
        for (var i = 0; i < sheets.Length; i++)
        {
            var entry = zip.CreateEntry($"xl/worksheets/sheet{i + 1}.xml", CompressionLevel.Optimal);
            using var stream = entry.Open();
            WriteSheet(stream, sheets[i]);
        }

        return path;
    }

    private static void WriteSheet(Stream stream, Sheet sheet)
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(false));
        w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (var r = 0; r < sheet.Rows.Length; r++)
        {
            var number = r + 1;
            w.Write($"<row r=\"{number}\"{(sheet.HiddenRows.Contains(number) ? " hidden=\"1\"" : "")}>");
            for (var c = 0; c < sheet.Rows[r].Length; c++)
            {
                var cell = sheet.Rows[r][c];
                var reference = (char)('A' + c) + number.ToString(CultureInfo.InvariantCulture);
                w.Write(cell switch
                {
                    null => "",
                    string s => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></is></c>",
                    Formula f => $"<c r=\"{reference}\"><f>{SecurityElement.Escape(f.Expression)}</f>{(f.Cached is { } v ? $"<v>{Num(v)}</v>" : "")}</c>",
                    DateCell d => $"<c r=\"{reference}\" s=\"1\"><v>{d.Date.DayNumber - new DateOnly(1899, 12, 30).DayNumber}</v></c>",
                    IConvertible n => $"<c r=\"{reference}\"><v>{Num(n.ToDouble(CultureInfo.InvariantCulture))}</v></c>",
                    _ => throw new ArgumentException($"unsupported cell {cell}"),
                });
            }

            w.Write("</row>");
        }

        var chunk = new string(' ', 1 << 16);
        for (long left = sheet.Padding; left > 0; left -= chunk.Length)
        {
            w.Write(chunk.AsSpan(0, (int)Math.Min(left, chunk.Length)));
        }

        w.Write("</sheetData>");
        if (sheet.Merges.Length > 0)
        {
            w.Write($"<mergeCells count=\"{sheet.Merges.Length}\">{string.Concat(sheet.Merges.Select(m => $"<mergeCell ref=\"{m}\"/>"))}</mergeCells>");
        }

        w.Write("</worksheet>");
    }

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    /// <summary>
    /// Rewrites the uncompressed size an archive declares for <paramref name="entry"/> (local header and central
    /// directory), as a crafted zip bomb does to slip past size checks.
    /// </summary>
    public static void PatchDeclaredSize(string path, string entry, uint size)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Encoding.UTF8.GetBytes(entry);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var local = bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04;
            var central = bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02;
            var (nameAt, sizeAt) = local ? (30, 22) : central ? (46, 24) : (0, 0);
            if (nameAt > 0 && bytes.AsSpan(i + nameAt).StartsWith(name))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + sizeAt, 4), size);
            }
        }

        File.WriteAllBytes(path, bytes);
    }
}
