using Segmenta.Core.Schemes;

namespace Segmenta.Core.Rfm.Internal;

/// <summary>
/// The 11 named segments of the R package <c>rfm</c>'s transaction-level vignette (rsquaredacademy/rfm,
/// <c>vignettes/rfm-transaction-level-data.Rmd</c>, section "Segments", commit 04176d06), plus <c>others</c>.
/// First match wins.
/// </summary>
/// <remarks>
/// In the vignette's own order four segments can never be assigned: New Customers and Promising lie inside
/// Potential Loyalist, Can't Lose Them inside At Risk, and Lost has the same ranges as Hibernating. Segmenta
/// therefore checks the narrower segments first and defines Lost as the lowest cell (R = F = M = 1); the ranges
/// are otherwise the vignette's. Every segment is reachable (a test enumerates all 125 score triples).
/// </remarks>
internal static class RfmSegmentTable
{
    public const string OthersKey = "others";

    public static IReadOnlyList<RfmSegmentRule> Rules { get; } =
    [
        Rule("champions", "冠军客户", "Champions", "最近购买、购买频繁且消费最多", "Bought recently, buy often and spend the most", 4, 5, 4, 5, 4, 5),
        Rule("loyal_customers", "忠诚客户", "Loyal Customers", "消费可观，对促销反应积极", "Spend good money; responsive to promotions", 2, 5, 3, 5, 3, 5),
        Rule("new_customers", "新客户", "New Customers", "最近才购买，但购买不频繁", "Bought most recently, but not often", 4, 5, 1, 1, 1, 1),
        Rule("promising", "有潜力客户", "Promising", "近期购买过，但消费不多", "Recent shoppers who have not spent much", 3, 4, 1, 1, 1, 1),
        Rule("potential_loyalist", "潜力忠诚客户", "Potential Loyalist", "近期客户，消费不错，已多次购买", "Recent customers, spent a good amount, bought more than once", 3, 5, 1, 3, 1, 3),
        Rule("need_attention", "需要关注", "Need Attention", "最近度、频次和金额处于中等水平", "Middling recency, frequency and monetary scores", 2, 3, 2, 3, 2, 3),
        Rule("about_to_sleep", "即将沉睡", "About To Sleep", "最近度、频次和金额均偏低", "Below-average recency, frequency and monetary scores", 2, 3, 1, 2, 1, 2),
        Rule("cant_lose_them", "不能失去", "Can't Lose Them", "曾大额且频繁购买，但已很久没有购买", "Made big purchases often, but long ago", 1, 1, 4, 5, 4, 5),
        Rule("at_risk", "有流失风险", "At Risk", "曾经消费多、购买频繁，但已很久没有购买", "Spent big money and purchased often, but long ago", 1, 2, 2, 5, 2, 5),
        Rule("lost", "已流失", "Lost", "最近度、频次和金额得分都最低", "Lowest recency, frequency and monetary scores", 1, 1, 1, 1, 1, 1),
        Rule("hibernating", "休眠客户", "Hibernating", "消费低、频次低，且很久没有购买", "Low spenders, low frequency, purchased long ago", 1, 2, 1, 2, 1, 2),
    ];

    public static SegmentInfo Others { get; } = new(
        OthersKey, new LocalizedText("其他", "Others"), new LocalizedText("不符合以上任何规则", "Matches none of the rules above"));

    private static RfmSegmentRule Rule(
        string key, string zh, string en, string descriptionZh, string descriptionEn,
        int rLow, int rHigh, int fLow, int fHigh, int mLow, int mHigh) =>
        new(new SegmentInfo(key, new LocalizedText(zh, en), new LocalizedText(descriptionZh, descriptionEn)),
            rLow, rHigh, fLow, fHigh, mLow, mHigh);
}
