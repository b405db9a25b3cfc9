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

    /// <summary>
    /// Propensity features (<c>churn_risk</c>, <c>spend_next</c>) and the <c>churn_risk_band</c> scheme; null = not computed.
    /// Needs an engine that is also an <see cref="Ports.IPropensitySource"/>.
    /// </summary>
    public PropensityFeatureOptions? Propensity { get; init; }

    /// <summary>RFM scoring.</summary>
    public RfmOptions Rfm { get; init; } = new();

    /// <summary>ABC / Pareto grading.</summary>
    public AbcOptions Abc { get; init; } = new();

    /// <summary>High / mid / low value tiers.</summary>
    public ValueTierOptions ValueTier { get; init; } = new();
}
