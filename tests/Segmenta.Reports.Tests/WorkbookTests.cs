using System.Data;
using System.IO.Compression;
using ExcelDataReader;
using Segmenta.Reports.Excel;
using Segmenta.Reports.Text;

namespace Segmenta.Reports.Tests;

[Collection(ReportGroup.Name)]
public sealed class WorkbookTests(ReportFixture fixture)
{
    /// <summary>Every sheet read back with ExcelDataReader: name, header row, data rows.</summary>
    internal static DataSet Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var book = new DataSet();
        do
        {
            var table = book.Tables.Add(reader.Name);
            var header = true;
            while (reader.Read())
            {
                if (header)
                {
                    for (var i = 0; i < reader.FieldCount; i++) table.Columns.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                    header = false;
                    continue;
                }
                table.Rows.Add([.. Enumerable.Range(0, table.Columns.Count).Select(reader.GetValue)]);
            }
        }
        while (reader.NextResult());
        return book;
    }

    [Fact]
    public void Write_Chinese_SheetsHeadersAndRowCountsMatchTheStore()
    {
        var path = fixture.TempFile("report-zh.xlsx");
        WorkbookWriter.Write(fixture.Data, path, "zh-CN");
        var t = new ReportText("zh-CN");
        var book = Read(path);
        var names = book.Tables.Cast<DataTable>().Select(s => s.TableName).ToList();
        Assert.Equal([t["sheet.summary"], .. fixture.Data.Schemes.Select(s => t.Scheme(s.Name)), t["sheet.rfm_grid"], t["sheet.customers"], t["sheet.charts"]], names);

        foreach (var scheme in fixture.Data.Schemes)
        {
            var sheet = book.Tables[t.Scheme(scheme.Name)]!;
            Assert.Equal(scheme.Segments.Count, sheet.Rows.Count);
            Assert.Equal(t["col.segment"], sheet.Columns[1].ColumnName);
            var counts = sheet.Rows.Cast<DataRow>().Select(r => Convert.ToInt64(r[t["col.customers"]], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(scheme.Segments.Select(s => s.Customers), counts);
        }
        var rfm = book.Tables[t.Scheme("rfm")]!;
        Assert.Equal("冠军客户", rfm.Rows[0][t["col.segment"]]);

        var customers = book.Tables[t["sheet.customers"]]!;
        Assert.Equal(fixture.Scalar("SELECT count(*) FROM customer_segments"), customers.Rows.Count);
        var headers = customers.Columns.Cast<DataColumn>().Select(c => c.ColumnName).ToList();
        Assert.Equal(t["measure.customer_id"], headers[0]);
        Assert.Contains(t.Format("col.label_suffix", t.Scheme("rfm")), headers);
        Assert.Contains(t.Format("col.action_suffix", t.Scheme("rfm")), headers);
        var champions = customers.Rows.Cast<DataRow>().Count(r => Convert.ToString(r[t.Format("col.label_suffix", t.Scheme("rfm"))], System.Globalization.CultureInfo.InvariantCulture) == "冠军客户");
        Assert.Equal(fixture.Scalar("SELECT count(*) FROM customer_segments WHERE rfm_segment = 'champions'"), champions);
    }

    [Fact]
    public void Write_Workbook_FreezesHeaderFiltersCustomersAndEmbedsChartImages()
    {
        var path = fixture.TempFile("report-en.xlsx");
        WorkbookWriter.Write(fixture.Data, path, "en");
        using var zip = ZipFile.OpenRead(path);
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList();
        var largest = sheets.OrderByDescending(e => e.Length).First();
        using var text = new StreamReader(largest.Open());
        var customerSheet = text.ReadToEnd();
        Assert.Contains("Customer id", customerSheet, StringComparison.Ordinal);
        Assert.Contains("autoFilter", customerSheet, StringComparison.Ordinal);
        Assert.Matches("<(x:)?pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\"", customerSheet);
        var images = zip.Entries.Where(e => e.FullName.StartsWith("xl/media/", StringComparison.Ordinal)).ToList();
        Assert.Equal(Charts.ChartFiles.Plots(fixture.Data, new ReportText("en")).Count, images.Count);
        Assert.All(images, i => Assert.True(i.Length > 10_000, i.FullName));
    }

    [Fact]
    public void Write_SmallSheetLimit_SplitsCustomersAcrossSheets()
    {
        var path = fixture.TempFile("report-split.xlsx");
        WorkbookWriter.Write(fixture.Data, path, "en", rowsPerSheet: 1_000);
        var book = Read(path);
        var parts = book.Tables.Cast<DataTable>().Where(s => s.TableName.StartsWith("Customers", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, parts.Count);
        Assert.Equal(fixture.Data.Overview.Customers, parts.Sum(p => p.Rows.Count));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")")]
    [InlineData("-12", "'-12")]
    [InlineData("客户A", "客户A")]
    public void Safe_FormulaLikeText_GetsApostrophe(string text, string expected) =>
        Assert.Equal(expected, WorkbookWriter.Safe(text));
}
