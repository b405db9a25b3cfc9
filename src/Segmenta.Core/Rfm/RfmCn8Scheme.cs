using Segmenta.Core.Customers;
using Segmenta.Core.Numerics;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Expressions;
using static Segmenta.Core.Schemes.Expressions.ExprBuilder;

namespace Segmenta.Core.Rfm;

/// <summary>
/// The Chinese 8-class RFM model (RFM 八类客户): each measure is "high" (↑) or "low" (↓) against the population
/// mean, and the 2³ combinations are the eight classes 重要价值客户 … 一般挽留客户.
/// </summary>
/// <remarks>
/// R↑ when <c>recency_days &lt; mean</c> (bought more recently than average); F↑ when <c>orders &gt; mean</c>;
/// M↑ when <c>monetary_total &gt; mean</c>. All three comparisons are strict, so a customer exactly at the mean
/// is ↓ ("not better than average") on that measure; a null measure is ↓ too. Layer 1 holds the three 0/1 flags
/// (<c>rfm_cn8_r_high</c>, <c>rfm_cn8_f_high</c>, <c>rfm_cn8_m_high</c>), layer 2 the class in <c>rfm_cn8</c>.
/// Parameters report the means used (<c>rfm_cn8_means</c>: recency, orders, monetary).
/// </remarks>
public static class RfmCn8Scheme
{
    /// <summary>Scheme name.</summary>
    public const string Name = "rfm_cn8";

    /// <summary>Output column: the class key.</summary>
    public const string SegmentColumn = "rfm_cn8";

    private const string RHigh = "rfm_cn8_r_high";
    private const string FHigh = "rfm_cn8_f_high";
    private const string MHigh = "rfm_cn8_m_high";

    private static readonly (string Key, bool R, bool F, bool M, string Zh, string En, string DescriptionZh, string DescriptionEn)[] Classes =
    [
        ("important_value", true, true, true, "重要价值客户", "Important value", "近期购买、购买频繁、消费高", "Recent, frequent, high spend"),
        ("important_development", true, false, true, "重要发展客户", "Important development", "近期购买、消费高，但购买不频繁", "Recent and high spend, but infrequent"),
        ("important_retention", false, true, true, "重要保持客户", "Important retention", "购买频繁、消费高，但近期没有购买", "Frequent and high spend, but not recent"),
        ("important_win_back", false, false, true, "重要挽留客户", "Important win-back", "消费高，但近期没有购买且不频繁", "High spend, but neither recent nor frequent"),
        ("general_value", true, true, false, "一般价值客户", "General value", "近期购买、购买频繁，但消费低", "Recent and frequent, but low spend"),
        ("general_development", true, false, false, "一般发展客户", "General development", "近期购买，但不频繁且消费低", "Recent, but infrequent and low spend"),
        ("general_retention", false, true, false, "一般保持客户", "General retention", "购买频繁，但近期没有购买且消费低", "Frequent, but not recent and low spend"),
        ("general_win_back", false, false, false, "一般挽留客户", "General win-back", "近期没有购买、不频繁且消费低", "Not recent, infrequent and low spend"),
    ];

    /// <summary>Builds the plan from the three population means.</summary>
    /// <param name="meanRecency">Mean of <c>recency_days</c>.</param>
    /// <param name="meanOrders">Mean of <c>orders</c>.</param>
    /// <param name="meanMonetary">Mean of <c>monetary_total</c>.</param>
    public static SchemePlan Plan(decimal meanRecency, decimal meanOrders, decimal meanMonetary)
    {
        IReadOnlyList<IReadOnlyList<DerivedColumn>> layers =
        [
            [
                Flag(RHigh, FeatureNames.RecencyDays, BinaryOp.Less, meanRecency),
                Flag(FHigh, FeatureNames.Orders, BinaryOp.Greater, meanOrders),
                Flag(MHigh, FeatureNames.MonetaryTotal, BinaryOp.Greater, meanMonetary),
            ],
            [new DerivedColumn(SegmentColumn, ClassExpression())],
        ];
        IReadOnlyList<SegmentInfo> segments = [.. Classes.Select(c =>
            new SegmentInfo(c.Key, new LocalizedText(c.Zh, c.En), new LocalizedText(c.DescriptionZh, c.DescriptionEn)))];
        var parameters = new Dictionary<string, IReadOnlyList<decimal>>(StringComparer.Ordinal)
        {
            ["rfm_cn8_means"] = [meanRecency, meanOrders, meanMonetary],
        };
        return new SchemePlan(Name, layers, SegmentColumn, segments, parameters);
    }

    /// <summary>
    /// Builds the plan with the means of the three histograms (<see cref="Quantiles.Mean"/>, exact decimal). An empty
    /// histogram has no mean; 0 is used, which makes every customer ↓ on F and M and (recency is never negative) ↓ on R.
    /// </summary>
    public static SchemePlan Plan(ValueHistogram recency, ValueHistogram orders, ValueHistogram monetary)
    {
        ArgumentNullException.ThrowIfNull(recency);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(monetary);
        return Plan(Quantiles.Mean(recency) ?? 0m, Quantiles.Mean(orders) ?? 0m, Quantiles.Mean(monetary) ?? 0m);
    }

    /// <summary><c>CASE WHEN measure op mean THEN 1 ELSE 0 END</c>: null and "exactly at the mean" give 0.</summary>
    private static DerivedColumn Flag(string name, string measure, BinaryOp op, decimal mean) =>
        new(name, new CaseWhen([new CaseBranch(new Binary(op, Col(measure), Lit(mean)), Lit(1L))], Lit(0L)));

    private static CaseWhen ClassExpression()
    {
        static Binary Is(string flag, bool high) => new(BinaryOp.Equal, Col(flag), Lit(high ? 1L : 0L));
        var branches = Classes[..^1].Select(c => new CaseBranch(And(Is(RHigh, c.R), Is(FHigh, c.F), Is(MHigh, c.M)), Lit(c.Key)));
        return new CaseWhen([.. branches], Lit(Classes[^1].Key));
    }
}
