using MiniExcelLibs;
using Segmenta.Core;
using Segmenta.Core.Ingest;
using Segmenta.Data.Import;

namespace Segmenta.Data.Tests.Import;

public sealed class FormatTests : IDisposable
{
    private readonly ImportFixture _f = new();

    public void Dispose() => _f.Dispose();

    private string WriteXlsx(string name, IEnumerable<Dictionary<string, object?>> rows, string sheet = "Sheet1")
    {
        var path = Path.Combine(_f.Scratch, name);
        MiniExcel.SaveAs(path, rows, sheetName: sheet);
        return path;
    }

    [Fact]
    public void Import_Xlsx_TypedCellsAndChineseHeaders()
    {
        var rows = new[]
        {
            new Dictionary<string, object?> { ["会员编号"] = "M1", ["下单日期"] = new DateTime(2024, 3, 5, 14, 30, 0), ["付款金额"] = 1234.5, ["渠道"] = "天猫" },
            new Dictionary<string, object?> { ["会员编号"] = "M2", ["下单日期"] = "2024/3/6", ["付款金额"] = "¥88", ["渠道"] = null },
            new Dictionary<string, object?> { ["会员编号"] = null, ["下单日期"] = null, ["付款金额"] = null, ["渠道"] = null },
            new Dictionary<string, object?> { ["会员编号"] = "M3", ["下单日期"] = 45358, ["付款金额"] = "abc", ["渠道"] = "京东" },
        };
        var report = _f.Import(WriteXlsx("orders.xlsx", rows), o => o with { MaxRejectRate = 1 });
        Assert.Equal("xlsx", report.Format);
        Assert.Equal(3, report.RowsRead);
        Assert.Equal(2, report.RowsAccepted);
        Assert.Equal(1, report.BlankRows);
        Assert.Equal(["channel"], report.AttributeColumns);
        var reject = ImportFixture.ReadRejects(report).Single();
        Assert.Equal(["5", "付款金额", "abc", RejectReason.BadAmount], reject[..4]);
        var loaded = _f.Query("SELECT src_row, order_date, amount, channel FROM transactions ORDER BY src_row");
        Assert.Equal([2L, new DateOnly(2024, 3, 5), 1234.5m, "天猫"], loaded[0]);
        Assert.Equal([3L, new DateOnly(2024, 3, 6), 88m, null], loaded[1]);
    }

    [Fact]
    public void Import_XlsxNamedSheet_ReadsThatSheet()
    {
        var path = Path.Combine(_f.Scratch, "book.xlsx");
        var sheets = new Dictionary<string, object>
        {
            ["说明"] = new[] { new Dictionary<string, object?> { ["note"] = "read me" } },
            ["订单"] = new[] { new Dictionary<string, object?> { ["customer_id"] = "C1", ["date"] = "2024-03-05", ["amount"] = 5 } },
        };
        MiniExcel.SaveAs(path, sheets);
        Assert.Equal(1, _f.Import(path, o => o with { Sheet = "订单" }).RowsAccepted);
        var e = Assert.Throws<SegmentaInputException>(() => _f.Import(path, o => o with { Sheet = "Orders" }));
        Assert.Contains("\"说明\", \"订单\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_Parquet_TypedColumns()
    {
        var path = Path.Combine(_f.Scratch, "orders.parquet");
        using (var command = _f.Connection.CreateCommand())
        {
            command.CommandText = $"COPY (SELECT 'C' || i AS customer_id, DATE '2024-01-01' + CAST(i AS INTEGER) AS order_date, CAST(i * 1.5 AS DECIMAL(10,2)) AS amount, " +
                                  $"i AS qty FROM range(1, 4) t(i)) TO '{path}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }

        var report = _f.Import(path);
        Assert.Equal("parquet", report.Format);
        Assert.Equal(3, report.RowsAccepted);
        Assert.Equal([2L, new DateOnly(2024, 1, 2), 1.5m, 1.0], _f.Query("SELECT src_row, order_date, amount, quantity FROM transactions ORDER BY src_row")[0]);
    }

    [Fact]
    public void Import_XlsxWithCsvExtension_DetectedByContent()
    {
        var xlsx = WriteXlsx("export.xlsx", [new Dictionary<string, object?> { ["customer_id"] = "C1", ["date"] = "2024-03-05", ["amount"] = 5 }]);
        var path = Path.ChangeExtension(xlsx, ".csv");
        File.Move(xlsx, path);
        Assert.Equal("xlsx", _f.Import(path).Format);
    }

    [Fact]
    public void Import_Customers_KeepsAttributesAndSignupDate()
    {
        var path = _f.Write("crm.csv", "客户编号,注册日期,省份,行业,会员等级,Owner Name\nK1,2023-01-02,浙江,零售,金卡,Li\nK2,,江苏,,,\nK3,bad,,,,\n");
        var report = _f.Import(path, o => o with { Kind = ImportKind.Customers, MaxRejectRate = 1 });
        Assert.Equal("customers", report.Table);
        Assert.Equal(2, report.RowsAccepted);
        Assert.Equal(1, report.RejectedByReason[RejectReason.BadSignupDate]);
        Assert.Equal(["region", "industry", "channel", "city", "会员等级", "owner_name"], report.AttributeColumns);
        var columns = _f.Query("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'customers' ORDER BY column_index");
        Assert.Equal(["customer_id", "signup_date", "region", "industry", "channel", "city", "会员等级", "owner_name"], columns.Select(c => (string)c[0]!));
        Assert.Equal("DATE", columns[1][1]);
        Assert.Equal(["K1", new DateOnly(2023, 1, 2), "浙江", "零售", null, null, "金卡", "Li"], _f.Query("SELECT * FROM customers ORDER BY customer_id")[0]);
    }

    [Fact]
    public void Import_Transactions_SchemaHasEveryOptionalColumn()
    {
        _f.Import(_f.Write("min.csv", "customer_id,date,amount\nC1,2024-03-05,1\n"));
        var columns = _f.Query("SELECT column_name, data_type, is_nullable FROM duckdb_columns() WHERE table_name = 'transactions' ORDER BY column_index");
        Assert.Equal(
            ["src_row BIGINT True", "customer_id VARCHAR False", "order_date DATE False", "amount DECIMAL(18,4) False", "order_id VARCHAR True",
             "product_id VARCHAR True", "quantity DOUBLE True", "cost DECIMAL(18,4) True", "category VARCHAR True"],
            columns.Select(c => $"{c[0]} {c[1]} {c[2]}"));
    }

    [Fact]
    public void Import_TooManyRejects_LeavesExistingTableUntouched()
    {
        _f.Import(_f.Write("good.csv", "customer_id,date,amount\nC1,2024-03-05,1\n"));
        var bad = _f.Write("bad.csv", "customer_id,date,amount\nC1,2024-03-05,1\nC2,x,1\n");
        var e = Assert.Throws<SegmentaInputException>(() => _f.Import(bad));
        Assert.Contains("bad.csv: 1 of 2 rows rejected (50.0 %)", e.Message, StringComparison.Ordinal);
        Assert.Contains("row 3, column \"date\": \"x\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("bad.rejects.csv", e.Message, StringComparison.Ordinal);
        Assert.Equal(1L, _f.Query("SELECT count(*) FROM transactions")[0][0]);
        Assert.Empty(_f.Query("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '_segmenta%'"));
    }

    [Fact]
    public void Import_RejectsFile_HasBomAndColumns()
    {
        var report = _f.Import(_f.Write("r.csv", "客户编号,日期,金额\nC1,2024-03-05,1\n,2024-03-05,1\n"), o => o with { MaxRejectRate = 1 });
        var bytes = File.ReadAllBytes(report.RejectsFile!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = File.ReadAllLines(report.RejectsFile!);
        Assert.Equal("src_row,column,raw_value,reason_code,reason", lines[0].TrimStart('\uFEFF'));
        Assert.StartsWith("3,客户编号,,missing_customer,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Import_DuplicateRows_CountedAndKept()
    {
        var report = _f.Import(_f.Write("d.csv", "customer_id,date,amount\nC1,2024-03-05,1\nC1,2024-03-05,1\nC1,2024-03-05,1.00\nC1,2024-03-05,2\n"));
        Assert.Equal(2, report.DuplicateRows);
        Assert.Equal(4, report.RowsAccepted);
    }
}
