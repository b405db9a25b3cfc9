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

    /// <summary>Discount of an order line (money; &gt; 0 means the order was discounted). Feeds <c>discount_share</c>.</summary>
    public static readonly ColumnRole Discount = Make("discount", "discount",
        ["discount", "discount_amount", "coupon", "coupon_amount", "折扣", "折扣金额", "优惠", "优惠金额", "优惠券金额"]);

    /// <summary>Date of an interaction (visit, call …).</summary>
    public static readonly ColumnRole InteractionDate = Make("date", "interaction_date",
        ["interaction_date", "contact_date", "visit_date", "activity_date", "date", "拜访日期", "联系日期", "跟进日期", "活动日期", "日期", "拜访时间", "联系时间", "时间"]);

    /// <summary>Type of an interaction: visit, call, email or meeting (Chinese synonyms folded, see <see cref="InteractionTypes"/>).</summary>
    public static readonly ColumnRole InteractionType = Make("type", "type",
        ["type", "interaction_type", "contact_type", "activity_type", "method", "类型", "拜访方式", "联系方式", "跟进方式", "方式", "活动类型"]);

    /// <summary>Cost of an interaction (money, optional).</summary>
    public static readonly ColumnRole InteractionCost = Make("cost", "cost", ["cost", "expense", "费用", "成本", "拜访费用", "花费", "费用金额"]);

    /// <summary>Who made the interaction (sales rep, account manager), optional.</summary>
    public static readonly ColumnRole Owner = Make("owner", "owner",
        ["owner", "rep", "sales_rep", "salesperson", "employee", "负责人", "销售代表", "业务员", "拜访人", "客户经理", "医药代表"]);

    /// <summary>Date of a survey answer.</summary>
    public static readonly ColumnRole SurveyDate = Make("date", "survey_date",
        ["survey_date", "response_date", "date", "调查日期", "调研日期", "回访日期", "填写日期", "日期"]);

    /// <summary>Net Promoter Score answer, an integer 0–10 (optional per row).</summary>
    public static readonly ColumnRole Nps = Make("nps", "nps",
        ["nps", "nps_score", "recommend", "likelihood_to_recommend", "推荐值", "净推荐值", "推荐意愿", "推荐度", "nps评分"]);

    /// <summary>Customer satisfaction answer, an integer 1–5 (optional per row).</summary>
    public static readonly ColumnRole Csat = Make("csat", "csat", ["csat", "satisfaction", "csat_score", "满意度", "满意度评分", "满意度得分", "满意程度"]);

    /// <summary>The customer's stated need (free text or a category), optional per row.</summary>
    public static readonly ColumnRole Need = Make("need", "need", ["need", "need_type", "needs", "需求", "需求类型", "主要需求", "客户需求"]);

    /// <summary>VARCHAR attributes, in table column order.</summary>
    public static readonly IReadOnlyList<ColumnRole> Attributes = [Region, Industry, Channel, City];

    /// <summary>Every role of every kind (role names repeat across kinds: <c>date</c>, <c>cost</c>).</summary>
    public static readonly IReadOnlyList<ColumnRole> All =
    [
        Customer, Date, Amount, Order, Product, Quantity, Cost, Category, Discount, Region, Industry, Channel, City, SignupDate,
        InteractionDate, InteractionType, InteractionCost, Owner, SurveyDate, Nps, Csat, Need,
    ];

    /// <summary>The roles a file of this kind can fill, in table column order.</summary>
    public static IReadOnlyList<ColumnRole> For(ImportKind kind) => kind switch
    {
        ImportKind.Customers => [Customer, SignupDate, Region, Industry, Channel, City],
        ImportKind.Interactions => [Customer, InteractionDate, InteractionType, InteractionCost, Owner],
        ImportKind.Surveys => [Customer, SurveyDate, Nps, Csat, Need],
        _ => [Customer, Date, Amount, Order, Product, Quantity, Cost, Category, Discount, Region, Industry, Channel, City],
    };

    /// <summary>The roles a file of this kind must fill.</summary>
    public static IReadOnlyList<ColumnRole> Required(ImportKind kind) => kind switch
    {
        ImportKind.Customers => [Customer],
        ImportKind.Interactions => [Customer, InteractionDate, InteractionType],
        ImportKind.Surveys => [Customer, SurveyDate],
        _ => [Customer, Date, Amount],
    };

    /// <summary>Finds a role by its <c>--map</c> name (case-insensitive), of any kind, or null.</summary>
    public static ColumnRole? Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds the role of a file of <paramref name="kind"/> by its <c>--map</c> name (case-insensitive), or null.</summary>
    public static ColumnRole? Find(string name, ImportKind kind) =>
        For(kind).FirstOrDefault(r => string.Equals(r.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The role names of every kind, for messages.</summary>
    public static string Names => string.Join(", ", All.Select(r => r.Name).Distinct(StringComparer.Ordinal));

    private static ColumnRole Make(string name, string column, string[] synonyms, string[]? lastResort = null) =>
        new(name, column, [.. synonyms.Select(HeaderText.Normalize)], [.. (lastResort ?? []).Select(HeaderText.Normalize)]);
}
