using Segmenta.Core;
using Segmenta.Core.Ingest;
using Segmenta.Data.Import;

namespace Segmenta.Data.Tests.Import;

/// <summary>Every file of tests/data/bad with the outcome documented in its README.</summary>
public sealed class CorpusTests : IDisposable
{
    private readonly ImportFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static ImportOptions Lenient(ImportOptions o) => o with { MaxRejectRate = 1 };

    [Fact]
    public void Import_EmptyFile_SaysEmpty()
    {
        var e = Assert.Throws<SegmentaInputException>(() => _f.Import(ImportFixture.Bad("empty.csv")));
        Assert.Contains("empty.csv: the file is empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_HeaderOnly_SaysNoDataRows()
    {
        var e = Assert.Throws<SegmentaInputException>(() => _f.Import(ImportFixture.Bad("header_only.csv")));
        Assert.Contains("no data rows", e.Message, StringComparison.Ordinal);
        Assert.Empty(_f.Query("SELECT * FROM duckdb_tables() WHERE table_name = 'transactions'"));
    }

    [Fact]
    public void Import_OneColumnFile_ListsMissingRolesAndMapHint()
    {
        var e = Assert.Throws<SegmentaInputException>(() => _f.Import(ImportFixture.Bad("one_column.csv")));
        Assert.Contains("date", e.Message, StringComparison.Ordinal);
        Assert.Contains("amount", e.Message, StringComparison.Ordinal);
        Assert.Contains("Headers found: \"customer_id\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("--map", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MisspelledAmountHeader_SuggestsClosestHeader()
    {
        var e = Assert.Throws<SegmentaInputException>(() => _f.Import(ImportFixture.Bad("missing_amount_column.csv")));
        Assert.Contains("amount (closest: \"amout_paid\")", e.Message, StringComparison.Ordinal);
        Assert.Contains("--map amount=<header>", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MissingAmountColumnWithMap_Loads()
    {
        var report = _f.Import(ImportFixture.Bad("missing_amount_column.csv"), o => o with { ColumnMap = ColumnMapParser.Parse("amount=amout_paid") });
        Assert.Equal(1, report.RowsAccepted);
        Assert.Equal("amout_paid", report.ColumnMapping["amount"]);
    }

    [Fact]
    public void Import_DuplicateMappedHeader_Throws()
    {
        var e = Assert.Throws<SegmentaInputException>(() => _f.Import(ImportFixture.Bad("duplicate_mapped_header.csv")));
        Assert.Contains("columns 3 and 4 have the same header \"amount\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_DuplicateUnmappedHeader_LoadsAndIgnoresBoth()
    {
        var report = _f.Import(ImportFixture.Bad("duplicate_unmapped_header.csv"));
        Assert.Equal(2, report.RowsAccepted);
        Assert.Equal(["note", "note"], report.IgnoredColumns);
    }

    [Fact]
    public void Import_UnbalancedQuote_RejectsRestAsOneMalformedRow()
    {
        var e = Assert.Throws<SegmentaInputException>(() => _f.Import(ImportFixture.Bad("unbalanced_quote.csv")));
        Assert.Contains("malformed_row", e.Message, StringComparison.Ordinal);
        Assert.Contains("row 3", e.Message, StringComparison.Ordinal);

        var report = _f.Import(ImportFixture.Bad("unbalanced_quote.csv"), Lenient);
        Assert.Equal(2, report.RowsRead);
        Assert.Equal(1, report.RowsAccepted);
        Assert.Equal(1, report.RejectedByReason[RejectReason.MalformedRow]);
    }

    [Fact]
    public void Import_RaggedRows_RejectedWithTheirRowNumbers()
    {
        var report = _f.Import(ImportFixture.Bad("ragged_rows.csv"), Lenient);
        Assert.Equal(4, report.RowsRead);
        Assert.Equal(2, report.RowsAccepted);
        Assert.Equal(2, report.RejectedByReason[RejectReason.MalformedRow]);
        Assert.Equal(["3", "4"], ImportFixture.ReadRejects(report).Select(r => r[0]));
        Assert.Equal([2L, 5L], _f.Query("SELECT src_row FROM transactions ORDER BY src_row").Select(r => (long)r[0]!));
    }

    [Fact]
    public void Import_GbkWithoutEncoding_DetectsAndLoadsChineseHeaders()
    {
        var report = _f.Import(ImportFixture.Bad("gbk_no_encoding.csv"));
        Assert.StartsWith("gb18030", report.Encoding, StringComparison.Ordinal);
        Assert.Equal(3, report.RowsAccepted);
        Assert.Equal("客户编号", report.ColumnMapping["customer"]);
        Assert.Equal(["region"], report.AttributeColumns);
        var rows = _f.Query("SELECT customer_id, order_date, amount, region FROM transactions ORDER BY src_row");
        Assert.Equal(new DateOnly(2024, 3, 7), rows[2][1]);
        Assert.Equal([1234.50m, 88m, -12.50m], rows.Select(r => (decimal)r[2]!));
        Assert.Equal("浙江", rows[0][3]);
        Assert.Equal(1, report.ReturnRows);
    }

    [Fact]
    public void Import_Utf16WithBom_LoadsTabSeparated()
    {
        var report = _f.Import(ImportFixture.Bad("utf16_bom.csv"));
        Assert.StartsWith("utf-16le", report.Encoding, StringComparison.Ordinal);
        Assert.Equal(2, report.RowsAccepted);
    }

    [Fact]
    public void Import_InvalidDates_RejectedAsBadOrMissingDate()
    {
        var report = _f.Import(ImportFixture.Bad("invalid_dates.csv"), Lenient);
        Assert.Equal(6, report.RowsRead);
        Assert.Equal(2, report.RowsAccepted);
        Assert.Equal(3, report.RejectedByReason[RejectReason.BadDate]);
        Assert.Equal(1, report.RejectedByReason[RejectReason.MissingDate]);
        Assert.Equal(new DateOnly(2024, 3, 5), _f.Query("SELECT order_date FROM transactions WHERE customer_id = 'C6'")[0][0]);
    }

    [Fact]
    public void Import_TextAmount_RejectedWithDecimalSeparatorHint()
    {
        var e = Assert.Throws<SegmentaInputException>(() => _f.Import(ImportFixture.Bad("text_amount.csv")));
        Assert.Contains("3 of 4 rows rejected", e.Message, StringComparison.Ordinal);

        var report = _f.Import(ImportFixture.Bad("text_amount.csv"), Lenient);
        Assert.Equal(2, report.RejectedByReason[RejectReason.BadAmount]);
        Assert.Equal(1, report.RejectedByReason[RejectReason.MissingAmount]);
        var rejects = File.ReadAllText(report.RejectsFile!);
        Assert.Contains("use --decimal-separator \"\",\"\"", rejects, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NegativeAmountsNet_KeptAndCounted()
    {
        var report = _f.Import(ImportFixture.Bad("negative_amounts.csv"));
        Assert.Equal(4, report.RowsAccepted);
        Assert.Equal(2, report.ReturnRows);
        Assert.Equal(100m, _f.Query("SELECT sum(amount) FROM transactions")[0][0]);
    }

    [Fact]
    public void Import_NegativeAmountsExclude_MovedToRejectsWithoutFailing()
    {
        var report = _f.Import(ImportFixture.Bad("negative_amounts.csv"), o => o with { Returns = ReturnsPolicy.Exclude });
        Assert.Equal(2, report.RowsAccepted);
        Assert.Equal(2, report.RejectedByReason[RejectReason.ReturnExcluded]);
        Assert.Equal(2, report.RowsExcludedByPolicy);
        Assert.Equal(2, report.ReturnRows);
        Assert.All(ImportFixture.ReadRejects(report), r => Assert.Equal(RejectReason.ReturnExcluded, r[3]));
    }

    [Fact]
    public void Import_BlankLines_SkippedAndRowNumbersKept()
    {
        var report = _f.Import(ImportFixture.Bad("blank_lines.csv"), Lenient);
        Assert.Equal(3, report.RowsRead);
        Assert.Equal(2, report.RowsAccepted);
        Assert.Equal(3, report.BlankRows);
        Assert.Equal("4", ImportFixture.ReadRejects(report).Single()[0]);
        Assert.Equal([2L, 6L], _f.Query("SELECT src_row FROM transactions ORDER BY src_row").Select(r => (long)r[0]!));
    }

    [Fact]
    public void Import_BlankCustomer_RejectedAsMissingCustomer()
    {
        var report = _f.Import(ImportFixture.Bad("missing_customer.csv"), Lenient);
        Assert.Equal(1, report.RejectedByReason[RejectReason.MissingCustomer]);
    }

    [Fact]
    public void Import_DecimalComma_ParsedWithOption()
    {
        var report = _f.Import(ImportFixture.Bad("decimal_comma.csv"), o => o with { DecimalSeparator = ',' });
        Assert.Equal(2, report.RowsAccepted);
        Assert.Equal([12.5m, 1234.5m], _f.Query("SELECT amount FROM transactions ORDER BY src_row").Select(r => (decimal)r[0]!));
    }

    [Fact]
    public void Import_InvalidUtf8WithForcedEncoding_RejectsTheLine()
    {
        var report = _f.Import(ImportFixture.Bad("invalid_utf8_forced.csv"), o => Lenient(o) with { Encoding = "utf-8" });
        Assert.Equal(3, report.RowsRead);
        Assert.Equal(1, report.RejectedByReason[RejectReason.MalformedRow]);
        Assert.Equal("4", ImportFixture.ReadRejects(report).Single()[0]);
    }
}
