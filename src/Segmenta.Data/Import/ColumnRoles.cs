namespace Segmenta.Data.Import;

/// <summary>The catalogue of roles and their header synonyms (English and Chinese).</summary>
internal static class ColumnRoles
{
    public static readonly ColumnRole Customer = Make("customer", "customer_id",
        ["customer_id", "customer", "cust_id", "client_id", "member_id", "user_id", "客户编号", "客户id", "客户代码", "会员id", "会员编号", "用户id"],
        ["客户名称"]);

    public static readonly ColumnRole Date = Make("date", "order_date",
        ["order_date", "date", "purchase_date", "transaction_date", "订单日期", "下单时间", "下单日期", "交易日期", "日期", "购买日期"]);

    public static readonly ColumnRole Amount = Make("amount", "amount",
        ["amount", "revenue", "sales", "total", "value", "price_total", "金额", "销售额", "实付金额", "订单金额", "交易金额", "付款金额"]);

    public static readonly ColumnRole Order = Make("order", "order_id", ["order_id", "order_no", "invoice", "订单号", "订单编号", "单号"]);

    public static readonly ColumnRole Product = Make("product", "product_id", ["product_id", "sku", "item_id", "商品编码", "产品编码", "商品id", "物料编码"]);

    public static readonly ColumnRole Quantity = Make("quantity", "quantity", ["quantity", "qty", "数量", "件数"]);

    public static readonly ColumnRole Cost = Make("cost", "cost", ["cost", "cogs", "成本", "成本金额"]);

    public static readonly ColumnRole Category = Make("category", "category", ["category", "product_category", "品类", "类别", "商品类别"]);

    public static readonly ColumnRole Region = Make("region", "region", ["region", "province", "state", "地区", "省份", "区域"]);

    public static readonly ColumnRole Industry = Make("industry", "industry", ["industry", "sector", "行业"]);

    public static readonly ColumnRole Channel = Make("channel", "channel", ["channel", "渠道"]);

    public static readonly ColumnRole City = Make("city", "city", ["city", "城市"]);

    public static readonly ColumnRole SignupDate = Make("signup_date", "signup_date", ["signup_date", "register_date", "注册日期", "开户日期"]);

    /// <summary>VARCHAR attributes, in table column order.</summary>
    public static readonly IReadOnlyList<ColumnRole> Attributes = [Region, Industry, Channel, City];

    /// <summary>Every role, in table column order.</summary>
    public static readonly IReadOnlyList<ColumnRole> All =
        [Customer, Date, Amount, Order, Product, Quantity, Cost, Category, Region, Industry, Channel, City, SignupDate];

    /// <summary>The roles a file of this kind can fill, in table column order.</summary>
    public static IReadOnlyList<ColumnRole> For(ImportKind kind) => kind == ImportKind.Customers
        ? [Customer, SignupDate, Region, Industry, Channel, City]
        : [Customer, Date, Amount, Order, Product, Quantity, Cost, Category, Region, Industry, Channel, City];

    /// <summary>The roles a file of this kind must fill.</summary>
    public static IReadOnlyList<ColumnRole> Required(ImportKind kind) =>
        kind == ImportKind.Customers ? [Customer] : [Customer, Date, Amount];

    /// <summary>Finds a role by its <c>--map</c> name (case-insensitive), or null.</summary>
    public static ColumnRole? Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The role names, for messages.</summary>
    public static string Names => string.Join(", ", All.Select(r => r.Name));

    private static ColumnRole Make(string name, string column, string[] synonyms, string[]? lastResort = null) =>
        new(name, column, [.. synonyms.Select(HeaderText.Normalize)], [.. (lastResort ?? []).Select(HeaderText.Normalize)]);
}
