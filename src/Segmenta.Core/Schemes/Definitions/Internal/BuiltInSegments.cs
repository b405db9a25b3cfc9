namespace Segmenta.Core.Schemes.Definitions.Internal;

/// <summary>The segments of the kinds that come with their own (behaviour, needs, grading, lifecycle), documented in docs/schemes.md.</summary>
internal static class BuiltInSegments
{
    public static IReadOnlyList<BuiltInSegment> Behaviour { get; } =
    [
        new("loyal", new("忠诚客户", "Loyal"),
            new("购买次数居前 25%、且最近购买比一半客户更近", "Top quarter by orders (at least 2) and more recent than the median customer"),
            "orders >= 2 and orders >= p75(orders) and recency_days <= median(recency_days)"),
        new("lost", new("流失客户", "Lost"),
            new("最久未购买的 25% 客户", "The quarter of customers silent the longest"),
            "recency_days > p75(recency_days)"),
        new("potential", new("潜力客户", "Potential"), new("其余客户", "Everyone else")),
    ];

    public static IReadOnlyList<BuiltInSegment> Needs { get; } =
    [
        new("experience", new("体验型", "Experience-seeking"),
            new("客单价居前 25%：愿为品质与服务付费", "Top quarter by spend per order: pays for quality and service"),
            "monetary_mean >= p75(monetary_mean)"),
        new("value_seeking", new("价格敏感型", "Value-seeking"),
            new("客单价居后 25%：看重价格与优惠", "Bottom quarter by spend per order: looks for price and offers"),
            "monetary_mean <= p25(monetary_mean)"),
        new("functional", new("功能型", "Functional"), new("按需购买的其余客户", "Everyone else: buys what they need")),
    ];

    public static IReadOnlyList<BuiltInSegment> Grading { get; } =
    [
        new("A", new("A 级：高贡献高潜力", "A: high contribution, high potential"), new("重点经营", "Invest")),
        new("B", new("B 级：高贡献低潜力", "B: high contribution, low potential"), new("维持关系", "Keep")),
        new("C", new("C 级：低贡献高潜力", "C: low contribution, high potential"), new("重点培育", "Develop")),
        new("D", new("D 级：低贡献低潜力", "D: low contribution, low potential"), new("低成本服务", "Serve at low cost")),
    ];

    public static IReadOnlyList<BuiltInSegment> Lifecycle { get; } =
    [
        new("prospect", new("潜在客户", "Prospect"), new("尚未购买", "Has not bought yet")),
        new("new", new("新客户", "New"), new("首次购买在近期", "First purchase is recent")),
        new("churned", new("流失客户", "Churned"), new("沉默过久或存活概率过低", "Silent too long, or unlikely to be alive")),
        new("dormant", new("沉睡客户", "Dormant"), new("沉默时间远超自身购买间隔", "Silent much longer than usual")),
        new("reactivated", new("回流客户", "Reactivated"), new("沉睡后近期再次购买", "Bought again recently after a dormant spell")),
        new("active", new("活跃客户", "Active"), new("按自身节奏购买", "Buys at their usual pace")),
    ];

    /// <summary>The built-in segments of a kind, or null when the user lists them all.</summary>
    public static IReadOnlyList<BuiltInSegment>? For(string kind) => kind switch
    {
        SchemeKinds.Behaviour => Behaviour,
        SchemeKinds.Needs => Needs,
        SchemeKinds.Grading => Grading,
        SchemeKinds.Lifecycle => Lifecycle,
        _ => null,
    };

    /// <summary>The built-in default (fallback) key of a rule-based kind with defaults.</summary>
    public static string? DefaultKey(string kind) => kind switch
    {
        SchemeKinds.Behaviour => "potential",
        SchemeKinds.Needs => "functional",
        _ => null,
    };
}
