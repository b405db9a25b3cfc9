using Segmenta.Core.Schemes;

namespace Segmenta.Core.Customers;

/// <summary>Display names of the features in both languages, for rules, profiles and reports ("最近购买天数" for recency_days).</summary>
public static class FeatureLabels
{
    private static readonly Dictionary<string, LocalizedText> Known = new(StringComparer.Ordinal)
    {
        [FeatureNames.Orders] = new("订单数", "orders"),
        [FeatureNames.PurchaseDays] = new("购买天数", "purchase_days"),
        [FeatureNames.Frequency] = new("复购天数", "frequency"),
        [FeatureNames.RecencyDays] = new("最近购买天数", "recency_days"),
        [FeatureNames.TenureDays] = new("客户时长天数", "tenure_days"),
        [FeatureNames.FirstToLastDays] = new("首末购间隔天数", "first_to_last_days"),
        [FeatureNames.MonetaryTotal] = new("消费总额", "monetary_total"),
        [FeatureNames.MonetaryMean] = new("客单价", "monetary_mean"),
        [FeatureNames.RepeatMonetaryMean] = new("复购日均消费", "repeat_monetary_mean"),
        [FeatureNames.MeanGapDays] = new("平均购买间隔天数", "mean_gap_days"),
        [FeatureNames.DistinctProducts] = new("购买商品种数", "distinct_products"),
        [FeatureNames.Margin] = new("毛利", "margin"),
        [FeatureNames.RfmR] = new("R 得分", "rfm_r"),
        [FeatureNames.RfmF] = new("F 得分", "rfm_f"),
        [FeatureNames.RfmM] = new("M 得分", "rfm_m"),
        ["p_alive"] = new("存活概率", "p_alive"),
        ["clv_12m"] = new("12 个月 CLV", "clv_12m"),
        ["exp_purchases_12m"] = new("12 个月预期购买次数", "exp_purchases_12m"),
        ["exp_spend"] = new("预期客单价", "exp_spend"),
    };

    /// <summary>The label of a feature; the column name itself (in both languages) when it has none.</summary>
    public static LocalizedText For(string feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return Known.TryGetValue(feature, out var label) ? label : new LocalizedText(feature, feature);
    }
}
