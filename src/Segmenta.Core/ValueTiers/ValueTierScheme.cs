using Segmenta.Core.Numerics;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.ValueTiers;

/// <summary>High / mid / low value tiers on one measure (default <c>monetary_total</c>).</summary>
/// <remarks>
/// <para><b>Quantile method</b> (default): c_high = Q(1 − HighShare), c_mid = Q(1 − HighShare − MidShare) with the
/// configured quantile definition (R type 7 by default, so the defaults are Q(0.8) and Q(0.5)). High when
/// value &gt; c_high, mid when value &gt; c_mid, low otherwise: as in RFM, a customer exactly on a cut point gets the
/// lower tier, and ties always share a tier (so the realised shares can differ from 20 % / 30 % when many
/// customers share a value). An empty histogram gives no cut points and everyone is low.</para>
/// <para><b>Fixed method:</b> high when value ≥ <see cref="ValueTierOptions.HighThreshold"/>, mid when value ≥
/// <see cref="ValueTierOptions.MidThreshold"/> (a threshold is the first value of its tier, as users state them:
/// "high from 10 000").</para>
/// <para>A null value is low. Output column <c>value_tier</c> with keys <c>high</c>, <c>mid</c>, <c>low</c>;
/// parameter <c>value_tier_thresholds</c> = [mid, high] (empty when none could be computed).</para>
/// </remarks>
public static class ValueTierScheme
{
    /// <summary>Scheme name.</summary>
    public const string Name = "value_tier";

    /// <summary>Output column: <c>high</c>, <c>mid</c> or <c>low</c>.</summary>
    public const string SegmentColumn = "value_tier";

    /// <summary>Builds the plan from the distribution of the measure.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Shares outside [0, 1] or summing above 1.</exception>
    /// <exception cref="ArgumentException">Fixed method without both thresholds, or mid above high.</exception>
    public static SchemePlan Plan(ValueHistogram values, ValueTierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        options ??= ValueTierOptions.Default;
        CaseWhen rule;
        IReadOnlyList<decimal> thresholds;
        if (options.Method == ValueTierMethod.Fixed)
        {
            if (options.HighThreshold is not { } high || options.MidThreshold is not { } mid)
                throw new ArgumentException("The fixed method needs both HighThreshold and MidThreshold.", nameof(options));
            if (mid > high)
                throw new ArgumentException($"MidThreshold ({mid}) must not exceed HighThreshold ({high}).", nameof(options));
            thresholds = [mid, high];
            rule = ExprBuilder.Thresholds(options.Measure, BinaryOp.GreaterOrEqual, [(high, "high"), (mid, "mid")], "low");
        }
        else
        {
            if (options.HighShare is < 0 or > 1 || options.MidShare is < 0 or > 1 || options.HighShare + options.MidShare > 1)
                throw new ArgumentOutOfRangeException(nameof(options), "HighShare and MidShare must lie in [0, 1] and sum to at most 1.");
            if (options.FrozenCutPoints is { Count: not (0 or 2) } wrong)
                throw new ArgumentException($"FrozenCutPoints must hold [mid, high], not {wrong.Count} values.", nameof(options));
            thresholds = options.FrozenCutPoints ?? (values.Count == 0 ? [] : Quantiles.Compute(
                values, [Math.Max(0, 1 - options.HighShare - options.MidShare), 1 - options.HighShare], options.QuantileDefinition));
            rule = thresholds.Count == 0
                ? new CaseWhen([], ExprBuilder.Lit("low"))
                : ExprBuilder.Thresholds(options.Measure, BinaryOp.Greater, [(thresholds[1], "high"), (thresholds[0], "mid")], "low");
        }
        IReadOnlyList<SegmentInfo> segments =
        [
            new("high", new LocalizedText("高价值", "High value"), new LocalizedText("价值最高的客户", "The most valuable customers")),
            new("mid", new LocalizedText("中价值", "Mid value"), new LocalizedText("价值中等的客户", "Customers of middling value")),
            new("low", new LocalizedText("低价值", "Low value"), new LocalizedText("其余客户", "Everyone else")),
        ];
        var parameters = new Dictionary<string, IReadOnlyList<decimal>>(StringComparer.Ordinal) { ["value_tier_thresholds"] = thresholds };
        return new SchemePlan(Name, [[new DerivedColumn(SegmentColumn, rule)]], SegmentColumn, segments, parameters);
    }
}
