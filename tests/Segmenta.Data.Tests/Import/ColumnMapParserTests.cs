using Segmenta.Core;
using Segmenta.Data.Import;

namespace Segmenta.Data.Tests.Import;

public sealed class ColumnMapParserTests
{
    [Fact]
    public void Parse_ChineseHeaders_MapsRoles()
    {
        var map = ColumnMapParser.Parse("customer=客户编号,date=下单日期, amount = 实付金额");
        Assert.Equal("客户编号", map["customer"]);
        Assert.Equal("下单日期", map["date"]);
        Assert.Equal("实付金额", map["amount"]);
    }

    [Fact]
    public void Parse_FullWidthCommaAndUpperCaseRole_Accepted()
    {
        var map = ColumnMapParser.Parse("CUSTOMER=客户编号，signup_date=注册日期");
        Assert.Equal(["customer", "signup_date"], map.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_Empty_EmptyMap() => Assert.Empty(ColumnMapParser.Parse("  "));

    [Fact]
    public void Parse_UnknownRole_ListsKnownRoles()
    {
        var e = Assert.Throws<SegmentaInputException>(() => ColumnMapParser.Parse("client=客户编号"));
        Assert.Contains("unknown role \"client\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("customer, date, amount", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("customer")]
    [InlineData("=客户编号")]
    [InlineData("customer=")]
    public void Parse_BadPair_Throws(string text) =>
        Assert.Throws<SegmentaInputException>(() => ColumnMapParser.Parse(text));

    [Fact]
    public void Parse_RepeatedRole_Throws() =>
        Assert.Throws<SegmentaInputException>(() => ColumnMapParser.Parse("date=a,date=b"));
}
