using Segmenta.Core;
using Segmenta.Data.Import;

namespace Segmenta.Data.Tests.Import;

public sealed class HeaderMatcherTests
{
    private static readonly Dictionary<string, string> NoMap = [];

    [Fact]
    public void Match_FullWidthAndSpacedHeaders_Normalised()
    {
        var plan = HeaderMatcher.Match(["ＣＵＳＴＯＭＥＲ＿ＩＤ", " Order Date ", "客户ＩＤ", "Amount"], ImportKind.Transactions, NoMap, "f.csv");
        Assert.Equal(0, plan.For(ColumnRoles.Customer)!.Index);
        Assert.Equal(1, plan.For(ColumnRoles.Date)!.Index);
        Assert.Equal(3, plan.For(ColumnRoles.Amount)!.Index);
        Assert.Equal(["客户ＩＤ"], plan.Ignored);
    }

    [Fact]
    public void Match_CustomerNameOnlyAsLastResort()
    {
        var plan = HeaderMatcher.Match(["客户名称", "会员编号", "日期", "金额"], ImportKind.Transactions, NoMap, "f.csv");
        Assert.Equal("会员编号", plan.For(ColumnRoles.Customer)!.Header);

        var fallback = HeaderMatcher.Match(["客户名称", "日期", "金额"], ImportKind.Transactions, NoMap, "f.csv");
        Assert.Equal("客户名称", fallback.For(ColumnRoles.Customer)!.Header);
    }

    [Fact]
    public void Match_ExplicitMap_OverridesSynonyms()
    {
        var map = new Dictionary<string, string> { ["amount"] = "实付金额" };
        var plan = HeaderMatcher.Match(["customer_id", "date", "amount", "实付金额"], ImportKind.Transactions, map, "f.csv");
        Assert.Equal(3, plan.For(ColumnRoles.Amount)!.Index);
        Assert.Equal(["amount"], plan.Ignored);
    }

    [Fact]
    public void Match_MapNamesMissingHeader_ListsHeaders()
    {
        var map = new Dictionary<string, string> { ["amount"] = "付款" };
        var e = Assert.Throws<SegmentaInputException>(() => HeaderMatcher.Match(["customer_id", "date", "金额"], ImportKind.Transactions, map, "f.csv"));
        Assert.Contains("--map amount=付款 names no column", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"金额\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_Customers_KeepsOtherColumnsWithSafeNames()
    {
        var plan = HeaderMatcher.Match(["客户编号", "Member Level", "会员 等级", "2nd phone", "", "c0"], ImportKind.Customers, NoMap, "f.csv");
        Assert.Equal(["member_level", "会员_等级", "c_2nd_phone", "column_5", "c0_2"], plan.Extras.Select(e => e.Column));
    }

    [Fact]
    public void Match_CustomersWithoutCustomer_Throws() =>
        Assert.Throws<SegmentaInputException>(() => HeaderMatcher.Match(["name", "region"], ImportKind.Customers, NoMap, "f.csv"));
}
