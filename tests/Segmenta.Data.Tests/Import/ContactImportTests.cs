using Segmenta.Core;
using Segmenta.Core.Ingest;
using Segmenta.Data.Import;

namespace Segmenta.Data.Tests.Import;

/// <summary>Interactions and surveys files: header synonyms, type folding, range checks and row accounting (tests/data/bad/README.md).</summary>
public sealed class ContactImportTests : IDisposable
{
    private readonly ImportFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static Func<ImportOptions, ImportOptions> Kind(ImportKind kind, double maxRejectRate = 1) =>
        o => o with { Kind = kind, MaxRejectRate = maxRejectRate };

    [Fact]
    public void Import_InteractionsWithChineseHeaders_FoldsTypesAndRejectsBadRows()
    {
        var report = _f.Import(ImportFixture.Bad("interactions_mixed.csv"), Kind(ImportKind.Interactions));
        Assert.Equal("interactions", report.Table);
        Assert.Equal((10, 5, 5), (report.RowsRead, report.RowsAccepted, report.RowsRejected));
        Assert.Equal(1, report.RejectedByReason[RejectReason.BadType]);
        Assert.Equal(1, report.RejectedByReason[RejectReason.MissingType]);
        Assert.Equal(1, report.RejectedByReason[RejectReason.BadDate]);
        Assert.Equal(1, report.RejectedByReason[RejectReason.NegativeCost]);
        Assert.Equal(1, report.RejectedByReason[RejectReason.BadCost]);
        Assert.Equal("客户编号", report.ColumnMapping["customer"]);
        Assert.Equal("拜访日期", report.ColumnMapping["date"]);
        Assert.Equal("拜访方式", report.ColumnMapping["type"]);
        Assert.Equal("费用", report.ColumnMapping["cost"]);
        Assert.Equal("销售代表", report.ColumnMapping["owner"]);

        var rows = _f.Query("SELECT customer_id, CAST(interaction_date AS VARCHAR), type, CAST(cost AS DOUBLE), owner FROM interactions ORDER BY src_row");
        Assert.Equal(["visit", "call", "email", "meeting", "visit"], rows.Select(r => (string)r[2]!));
        Assert.Equal("2024-03-15", rows[1][1]);
        Assert.Equal("2024-03-21", rows[3][1]);
        Assert.Null(rows[1][3]);
        Assert.Equal(1200.5, rows[3][3]);
        Assert.Equal("张伟", rows[0][4]);
        Assert.Null(rows[4][4]);

        var rejects = ImportFixture.ReadRejects(report);
        var badType = Assert.Single(rejects, r => r[3] == RejectReason.BadType);
        Assert.Equal(["7", "拜访方式", "微信"], badType[..3]);
        Assert.Contains("not an interaction type: use visit", badType[4], StringComparison.Ordinal);
        Assert.Equal("10", Assert.Single(rejects, r => r[3] == RejectReason.NegativeCost)[0]);
    }

    [Fact]
    public void Import_InteractionsDefaultLimit_FailsAndLoadsNothing()
    {
        var e = Assert.Throws<SegmentaInputException>(() => _f.Import(ImportFixture.Bad("interactions_mixed.csv"), Kind(ImportKind.Interactions, 0.01)));
        Assert.Contains("5 of 10 rows rejected", e.Message, StringComparison.Ordinal);
        Assert.Empty(_f.Query("SELECT * FROM duckdb_tables() WHERE table_name = 'interactions'"));
    }

    [Fact]
    public void Import_InteractionsInGbk_DetectsEncoding()
    {
        var report = _f.Import(ImportFixture.Bad("interactions_gbk.csv"), Kind(ImportKind.Interactions, 0.01));
        Assert.Equal(3, report.RowsAccepted);
        Assert.StartsWith("gb18030", report.Encoding, StringComparison.OrdinalIgnoreCase);
        var rows = _f.Query("SELECT type, owner FROM interactions ORDER BY src_row");
        Assert.Equal(["visit", "call", "meeting"], rows.Select(r => (string)r[0]!));
        Assert.Equal("钱敏", rows[2][1]);
    }

    [Fact]
    public void Import_InteractionsWithMap_UsesMappedHeaders()
    {
        var path = _f.Write("crm.csv", "account,when,how,rep_name\nA1,2024-01-02,phone,Li\nA1,2024-01-03,meeting,Li\n");
        var report = _f.Import(path, o => o with { Kind = ImportKind.Interactions, ColumnMap = ColumnMapParser.Parse("customer=account,date=when,type=how,owner=rep_name") });
        Assert.Equal(2, report.RowsAccepted);
        Assert.Equal(["call", "meeting"], _f.Query("SELECT type FROM interactions ORDER BY src_row").Select(r => (string)r[0]!));
    }

    [Fact]
    public void Import_RoleOfAnotherKind_SaysItDoesNotApply()
    {
        var path = _f.Write("crm.csv", "customer_id,date,type\nA1,2024-01-02,visit\n");
        var e = Assert.Throws<SegmentaInputException>(() => _f.Import(path, o => o with { Kind = ImportKind.Interactions, ColumnMap = ColumnMapParser.Parse("amount=type") }));
        Assert.Contains("role \"amount\" does not apply to a interactions file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_InteractionsWithoutType_NamesTheMissingRole()
    {
        var path = _f.Write("crm.csv", "customer_id,date,note\nA1,2024-01-02,hello\n");
        var e = Assert.Throws<SegmentaInputException>(() => _f.Import(path, Kind(ImportKind.Interactions)));
        Assert.Contains("required role(s) type", e.Message, StringComparison.Ordinal);
        Assert.Contains("--map type=<header>", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_InteractionsParquet_SameMachinery()
    {
        var path = Path.Combine(_f.Scratch, "ix.parquet");
        _f.Query($"COPY (SELECT * FROM (VALUES ('P1', DATE '2024-06-01', '拜访', 500.0), ('P2', DATE '2024-06-02', 'fax', 1.0)) t(customer_id, visit_date, type, cost)) TO '{path}' (FORMAT parquet)");
        var report = _f.Import(path, Kind(ImportKind.Interactions));
        Assert.Equal((2, 1, 1), (report.RowsRead, report.RowsAccepted, report.RowsRejected));
        Assert.Equal(1, report.RejectedByReason[RejectReason.BadType]);
    }

    [Fact]
    public void Import_SurveysWithChineseHeaders_ChecksRangesAndAnswers()
    {
        var report = _f.Import(ImportFixture.Bad("surveys_mixed.csv"), Kind(ImportKind.Surveys));
        Assert.Equal("surveys", report.Table);
        Assert.Equal((9, 3, 6), (report.RowsRead, report.RowsAccepted, report.RowsRejected));
        Assert.Equal(2, report.RejectedByReason[RejectReason.BadNps]);
        Assert.Equal(2, report.RejectedByReason[RejectReason.BadCsat]);
        Assert.Equal(1, report.RejectedByReason[RejectReason.NoAnswer]);
        Assert.Equal(1, report.RejectedByReason[RejectReason.MissingDate]);
        Assert.Equal("推荐值", report.ColumnMapping["nps"]);
        Assert.Equal("满意度", report.ColumnMapping["csat"]);
        Assert.Equal("需求类型", report.ColumnMapping["need"]);
        var rows = _f.Query("SELECT customer_id, nps, csat, need FROM surveys ORDER BY src_row");
        Assert.Equal(["C1", "C1", "C2"], rows.Select(r => (string)r[0]!));
        Assert.Equal([9, 6, null], rows.Select(r => (int?)r[1]));
        Assert.Equal([5, null, 4], rows.Select(r => (int?)r[2]));
        Assert.Equal(["品质", null, "价格"], rows.Select(r => (string?)r[3]));
        var rejects = ImportFixture.ReadRejects(report);
        Assert.Contains("whole number from 0 to 10", Assert.Single(rejects, r => r[2] == "11")[4], StringComparison.Ordinal);
        Assert.Equal("date is empty", Assert.Single(rejects, r => r[3] == RejectReason.MissingDate)[4]);
    }

    [Fact]
    public void Import_TransactionsWithDiscount_LoadsDiscountColumn()
    {
        var path = _f.Write("t.csv", "customer_id,date,amount,优惠金额\nA,2024-01-01,10,2\nA,2024-01-02,10,\nB,2024-01-02,5,x\n");
        var report = _f.Import(path, o => o with { MaxRejectRate = 1 });
        Assert.Equal("优惠金额", report.ColumnMapping["discount"]);
        Assert.Equal(1, report.RejectedByReason[RejectReason.BadDiscount]);
        Assert.Equal([2m, null], _f.Query("SELECT discount FROM transactions ORDER BY src_row").Select(r => (decimal?)r[0]));
    }

    [Fact]
    public void Import_CustomersWithPlainNumberColumns_LoadsThemAsNumbers()
    {
        var path = _f.Write("c.csv", "customer_id,beds,zip,risk_score,grade,empty\nH1,500,010000,0.25,三级甲等,\nH2,,200000,-1.5,二级,\nH3,80,310000,3,一级,\n");
        _f.Import(path, o => o with { Kind = ImportKind.Customers });
        var types = _f.Query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'customers'")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal("DOUBLE", types["beds"]);
        Assert.Equal("DOUBLE", types["risk_score"]);
        Assert.Equal("VARCHAR", types["zip"]);
        Assert.Equal("VARCHAR", types["grade"]);
        Assert.Equal("VARCHAR", types["empty"]);
        Assert.Equal([500.0, null, 80.0], _f.Query("SELECT beds FROM customers ORDER BY customer_id").Select(r => (double?)r[0]));
    }
}
