using Segmenta.Core.Ingest;

namespace Segmenta.Data.Tests.Import;

/// <summary>Date and amount forms, checked through a real import (the parsing lives in SQL).</summary>
public sealed class ValueParsingTests : IDisposable
{
    private readonly ImportFixture _f = new();

    public void Dispose() => _f.Dispose();

    private object?[]? ImportOne(string date, string amount, char separator = '.')
    {
        var path = _f.Write("one.csv", $"customer_id\torder_date\tamount\nC1\t{date}\t{amount}\n");
        var report = _f.Import(path, o => o with { MaxRejectRate = 1, DecimalSeparator = separator });
        return report.RowsAccepted == 1 ? _f.Query("SELECT order_date, amount FROM transactions")[0] : null;
    }

    [Theory]
    [InlineData("2024-03-05")]
    [InlineData("2024/3/5")]
    [InlineData("2024.3.5")]
    [InlineData("20240305")]
    [InlineData("2024年3月5日")]
    [InlineData("2024-03-05T10:11:12")]
    [InlineData("2024-03-05 23:59:59")]
    [InlineData("2024/3/5 8:05")]
    [InlineData("2024年3月5日 10:00")]
    [InlineData("45356")]
    [InlineData(" 2024-03-05 ")]
    public void Import_DateForms_PurchaseDay(string raw)
    {
        var row = Assert.IsType<object?[]>(ImportOne(raw, "1"));
        Assert.Equal(new DateOnly(2024, 3, 5), row[0]);
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("5/3/2024")]
    [InlineData("12345")]
    [InlineData("1850-01-01")]
    [InlineData("tomorrow")]
    public void Import_BadDates_Rejected(string raw) => Assert.Null(ImportOne(raw, "1"));

    [Theory]
    [InlineData("1234.5", "1234.5")]
    [InlineData("1,234.50", "1234.5")]
    [InlineData("1,234,567.891", "1234567.891")]
    [InlineData("¥35", "35")]
    [InlineData("￥ 1,000元", "1000")]
    [InlineData("$12.00", "12")]
    [InlineData("€7", "7")]
    [InlineData("88元", "88")]
    [InlineData(" 12 ", "12")]
    [InlineData("(500)", "-500")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("-¥12.5", "-12.5")]
    [InlineData(".5", "0.5")]
    public void Import_AmountForms_Parsed(string raw, string expected)
    {
        var row = Assert.IsType<object?[]>(ImportOne("2024-03-05", raw));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), row[1]);
    }

    [Theory]
    [InlineData("12,50")]
    [InlineData("1,23,4")]
    [InlineData("(500")]
    [InlineData("-(500)")]
    [InlineData("12abc")]
    [InlineData("1.2.3")]
    public void Import_BadAmounts_Rejected(string raw) => Assert.Null(ImportOne("2024-03-05", raw));

    [Theory]
    [InlineData("12,50", "12.5")]
    [InlineData("1.234,50", "1234.5")]
    [InlineData("€ 1.234", "1234")]
    [InlineData("(3,5)", "-3.5")]
    public void Import_DecimalComma_Parsed(string raw, string expected)
    {
        var row = Assert.IsType<object?[]>(ImportOne("2024-03-05", raw, ','));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), row[1]);
    }

    [Fact]
    public void Import_BadQuantityAndCost_RejectedWhenPresentOnly()
    {
        var path = _f.Write("q.csv", "customer_id,order_date,amount,qty,cost\nC1,2024-03-05,10,,\nC2,2024-03-05,10,two,1\nC3,2024-03-05,10,1,x\nC4,2024-03-05,10,\"1,000\",\"1,5\"\n");
        var report = _f.Import(path, o => o with { MaxRejectRate = 1 });
        Assert.Equal(1, report.RowsAccepted);
        Assert.Equal(1, report.RejectedByReason[RejectReason.BadQuantity]);
        Assert.Equal(2, report.RejectedByReason[RejectReason.BadCost]);
    }
}
