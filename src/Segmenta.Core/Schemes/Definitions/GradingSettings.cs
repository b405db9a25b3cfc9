using Segmenta.Core.Customers;

namespace Segmenta.Core.Schemes.Definitions;

/// <summary>
/// Kind <c>grading</c>: grades by contribution × potential, each split once (high when above the cut):
/// A = high contribution and high potential, B = high contribution, low potential (keep),
/// C = low contribution, high potential (develop), D = low and low. Segments named A, B, C or D may give those
/// grades labels and playbooks; other names are not allowed.
/// </summary>
public sealed record GradingSettings
{
    /// <summary>YAML <c>contribution</c>: what the customer brings today; default <c>monetary_total</c> split at the median.</summary>
    public AxisDefinition Contribution { get; init; } = new() { Measure = FeatureNames.MonetaryTotal };

    /// <summary>
    /// YAML <c>potential</c>: what the customer may bring: an attribute column or a predicted value such as
    /// <c>clv_12m</c> (it must be in the feature schema). Required; split at the median unless set.
    /// </summary>
    public AxisDefinition Potential { get; init; } = new();
}
