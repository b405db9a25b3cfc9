using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Segmenta.Data.Import;

namespace Segmenta.Data.Tests.Import;

/// <summary>
/// The typed CSV fast path gives exactly what the full parse gives: the same accounting and the same table, row for row;
/// and it steps aside (returns null, leaving nothing) whenever the file needs the full parse.
/// </summary>
public sealed class TypedFastPathTests : IClassFixture<ImportFixture>
{
    private readonly ImportFixture _f;

    public TypedFastPathTests(ImportFixture f) => _f = f;

    public static TheoryData<string, string, bool> Files() => new()
    {
        // name, content, whether the fast path applies
        { "plain", "customer_id,order_id,order_date,amount,product_id\nC1,1,2024-01-02,10.5,P1\nC2,2,2024-01-03,-3,P2\nC1,3,2024-02-01,7.25,\n", true },
        { "quoted", "客户编号,订单日期,实付金额,地区\n\"C,1\",2024-01-02,\"12.50\",浙江\n C2 ,2024-01-03,0.00005,\"江苏 \"\nC3,2024-12-31,99999999999999.1234,\n", true },
        { "duplicates", "customer_id,order_date,amount\nC1,2024-01-02,5\nC1,2024-01-02,5\nC1,2024-01-02,5.0\n", true },
        { "extra-digits", "customer_id,order_date,amount,quantity,cost\nC1,2024-01-02,1.00005,2,0.5\nC2,2024-01-02,1.23456789,,\n", true },
        { "semicolon", "customer_id;order_date;amount\nC1;2024-01-02;1.5\nC2;2024-03-04;2\n", true },
        { "slash-dates", "customer_id,order_date,amount\nC1,2024/01/02,1.5\nC2,2024-03-04,2\n", true },   // DuckDB's DATE cast (the full parse's first try) reads yyyy/MM/dd too
        { "money-signs", "customer_id,order_date,amount\nC1,2024-01-02,\"¥1,234.50\"\nC2,2024-03-04,2\n", false },
        { "missing-customer", "customer_id,order_date,amount\n,2024-01-02,1.5\nC2,2024-03-04,2\n", false },
        { "implausible-date", "customer_id,order_date,amount\nC1,1850-01-02,1.5\nC2,2024-03-04,2\n", false },
        { "ragged", "customer_id,order_date,amount\nC1,2024-01-02,1.5,extra\nC2,2024-03-04,2\n", false },
        { "blank-line", "customer_id,order_date,amount\nC1,2024-01-02,1.5\n\nC2,2024-03-04,2\n", false },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Import_FastAndFullParse_SameAccountingAndSameTable(string name, string content, bool fast)
    {
        var path = _f.Write(name + ".csv", content);
        using var probe = Open();
        var direct = TypedCsvFastPath.TryLoad(probe, path, new ImportOptions { Path = path, MaxRejectRate = 1 }, name, CancellationToken.None);
        Assert.Equal(fast, direct is not null);
        if (!fast)
        {
            // Nothing left behind: no table, no temp tables.
            Assert.Equal(0L, Db.Long(probe, "SELECT count(*) FROM duckdb_tables()"));
        }

        using var a = Open();
        using var b = Open();
        var quick = Importer.Import(a, new ImportOptions { Path = path, MaxRejectRate = 1 });
        var full = Importer.Import(b, new ImportOptions { Path = path, MaxRejectRate = 1, FullParse = true });

        Assert.Equal((full.RowsRead, full.RowsAccepted, full.RowsRejected, full.DuplicateRows, full.ReturnRows),
            (quick.RowsRead, quick.RowsAccepted, quick.RowsRejected, quick.DuplicateRows, quick.ReturnRows));
        Assert.Equal(full.RejectedByReason.OrderBy(kv => kv.Key), quick.RejectedByReason.OrderBy(kv => kv.Key));
        Assert.Equal(Dump(b), Dump(a));
        Assert.Equal(Schema(b), Schema(a));
    }

    [Fact]
    public void Import_CdnowSample_FastPathMatchesFullParse()
    {
        using var dir = new TempDir();
        var path = TestData.CdnowSampleCsv(dir.Path);
        using var a = Open();
        using var b = Open();
        var quick = Importer.Import(a, new ImportOptions { Path = path });
        var full = Importer.Import(b, new ImportOptions { Path = path, FullParse = true });
        Assert.Equal(6_919, quick.RowsAccepted);
        Assert.Equal((full.RowsRead, full.RowsAccepted, full.DuplicateRows), (quick.RowsRead, quick.RowsAccepted, quick.DuplicateRows));
        Assert.Equal(Dump(b), Dump(a));
    }

    private static DuckDBConnection Open()
    {
        var c = new DuckDBConnection("DataSource=:memory:");
        c.Open();
        return c;
    }

    private static string Dump(DuckDBConnection c)
    {
        var sb = new StringBuilder();
        foreach (var row in Db.Rows(c, "SELECT * FROM transactions ORDER BY src_row"))
            sb.AppendLine(string.Join("|", row.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "∅")));
        return sb.ToString();
    }

    private static string Schema(DuckDBConnection c) => string.Join(",",
        Db.Rows(c, "SELECT column_name || ' ' || data_type || ' ' || is_nullable FROM information_schema.columns WHERE table_name = 'transactions' ORDER BY ordinal_position")
            .Select(r => (string)r[0]!));
}
