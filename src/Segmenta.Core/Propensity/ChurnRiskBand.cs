using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Schemes.Planning;

namespace Segmenta.Core.Propensity;

/// <summary>
/// The built-in scheme <c>churn_risk_band</c>: <c>churn_risk</c> cut at fixed, documented probabilities —
/// <b>high</b> when churn_risk ≥ 0.7, <b>medium</b> when 0.4 ≤ churn_risk &lt; 0.7, <b>low</b> below 0.4 (a cut
/// value belongs to the higher band; a customer without a score is low). Fixed cuts rather than quantiles,
/// because churn_risk is a probability whose meaning does not depend on the population: "high" means at least a
/// 70 % chance of no purchase in the next window. It is a kind-<c>bins</c> scheme planned by
/// <see cref="SchemePlanner"/>, with bilingual labels and playbooks.
/// </summary>
public static class ChurnRiskBand
{
    /// <summary>Scheme name and output column.</summary>
    public const string Name = "churn_risk_band";

    /// <summary>Lower bound of the medium band.</summary>
    public const decimal MediumFrom = 0.4m;

    /// <summary>Lower bound of the high band.</summary>
    public const decimal HighFrom = 0.7m;

    /// <summary>The scheme as a definition (change it with <c>with { … }</c>, e.g. other breaks).</summary>
    public static SchemeDefinition Definition { get; } = new()
    {
        Name = Name,
        Kind = SchemeKinds.Bins,
        Label = new LocalizedText("流失风险分层", "Churn risk band"),
        Description = new LocalizedText("按流失概率 churn_risk 分为高 / 中 / 低三层", "High / medium / low by the churn probability churn_risk"),
        Bins = new BinsSettings { Measure = PropensityScores.ChurnRiskColumn, Method = BinMethods.Fixed, Breaks = [MediumFrom, HighFrom] },
        Segments =
        [
            Band("low", new("低流失风险", "Low churn risk"), new("下一周期大概率继续购买", "Likely to buy again in the next window"),
                new("常规维护：会员权益与新品推荐", "Business as usual: member benefits and new-product news"), "email", "marketing", 3, 90),
            Band("medium", new("中流失风险", "Medium churn risk"), new("购买意愿在减弱", "Buying intent is fading"),
                new("主动唤醒：个性化推荐与限时优惠", "Re-engage: personalised recommendations and a time-limited offer"), "wechat", "customer_success", 2, 30),
            Band("high", new("高流失风险", "High churn risk"), new("下一周期大概率不再购买", "Unlikely to buy in the next window"),
                new("挽留：客户经理致电了解原因，给出挽留方案", "Win back: account manager calls to learn why and offers a retention deal"), "phone", "account_manager", 1, 14),
        ],
    };

    /// <summary>Plans the scheme (fixed breaks need no population statistics).</summary>
    public static PlannedScheme Plan() => SchemePlanner.PlanWithSegments(Definition, column =>
        throw new InvalidOperationException($"{Name} uses fixed breaks and needs no histogram (asked for {column})."));

    private static SegmentDefinition Band(string key, LocalizedText label, LocalizedText description, LocalizedText action,
        string channel, string owner, int priority, int every) => new()
        {
            Name = key,
            Label = label,
            Description = description,
            Playbook = new PlaybookDefinition { Action = action, Channel = channel, Owner = owner, Priority = priority, ContactEveryDays = every },
        };
}
