using Segmenta.Core.Abc;
using Segmenta.Core.Rfm;
using Segmenta.Core.ValueTiers;

namespace Segmenta.Core.Pipelines;

/// <summary>Settings of the built-in schemes for one run.</summary>
public sealed record SegmentationOptions
{
    /// <summary>The last day included; null = the day after the last transaction.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Language of the <c>&lt;segment column&gt;_label</c> columns (<c>zh-CN</c> or <c>en</c>); null = no label columns.</summary>
    public string? LabelLanguage { get; init; }

    /// <summary>Model-based features (P(alive), expected purchases, CLV); null = not computed.</summary>
    public ClvFeatureOptions? Clv { get; init; }

    /// <summary>Unit costs per interaction type and the margin rate of the profitability features.</summary>
    public ProfitabilityOptions Profitability { get; init; } = new();

    /// <summary>
    /// Propensity features (<c>churn_risk</c>, <c>spend_next</c>) and the <c>churn_risk_band</c> scheme; null = not computed.
    /// Needs an engine that is also an <see cref="Ports.IPropensitySource"/>.
    /// </summary>
    public PropensityFeatureOptions? Propensity { get; init; }

    /// <summary>RFM scoring.</summary>
    public RfmOptions Rfm { get; init; } = new();

    /// <summary>ABC / Pareto grading.</summary>
    public AbcOptions Abc { get; init; } = new();

    /// <summary>
    /// Frozen means [recency, orders, monetary] for <c>rfm_cn8</c> from a reference snapshot; null (default) uses this
    /// population's means.
    /// </summary>
    public IReadOnlyList<decimal>? RfmCn8Means { get; init; }

    /// <summary>High / mid / low value tiers.</summary>
    public ValueTierOptions ValueTier { get; init; } = new();

    /// <summary>
    /// User schemes (YAML files, presets), planned and applied after the built-in schemes and the model features, in
    /// this order: a combine scheme may use the built-ins' segment columns and those of the user schemes before it.
    /// </summary>
    public IReadOnlyList<UserScheme> Schemes { get; init; } = [];
}
