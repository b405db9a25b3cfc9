using Segmenta.Core.Abc;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Rfm;

namespace Segmenta.Core.Snapshots;

/// <summary>
/// Freezes the population-dependent parameters of the built-in schemes at the values a reference snapshot used, so
/// that scores stay comparable between periods: a customer's segment then changes only when her own features change,
/// not because the rest of the population moved the quantiles.
/// </summary>
/// <remarks>
/// Frozen per scheme (parameter names as in <c>summary.json</c>): <c>rfm</c> — <c>rfm_r_cut_points</c>,
/// <c>rfm_f_cut_points</c>, <c>rfm_m_cut_points</c> (with <c>rfm_bins</c>); <c>rfm_cn8</c> — <c>rfm_cn8_means</c>;
/// <c>abc</c> — <c>abc_a_min_value</c>, <c>abc_b_min_value</c>; <c>value_tier</c> — <c>value_tier_thresholds</c>.
/// A scheme missing from the reference, or whose reference had no cut points (an empty population), is computed as
/// usual and reported in <see cref="Result.NotFrozen"/>.
/// </remarks>
public static class FrozenCutPoints
{
    /// <summary>The options with the reference's parameters, and the schemes that could not be frozen.</summary>
    /// <param name="Options">Options to plan with.</param>
    /// <param name="Frozen">Schemes whose parameters were frozen.</param>
    /// <param name="NotFrozen">Schemes computed from this population (with the reason).</param>
    public sealed record Result(SegmentationOptions Options, IReadOnlyList<string> Frozen, IReadOnlyList<string> NotFrozen);

    /// <summary>Applies the reference parameters (scheme → parameter name → values) to <paramref name="options"/>.</summary>
    public static Result Apply(
        SegmentationOptions options, IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<decimal>>> reference)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(reference);
        var frozen = new List<string>();
        var notFrozen = new List<string>();

        if (reference.TryGetValue(RfmScheme.Name, out var rfm)
            && Get(rfm, "rfm_bins") is [var binsValue]
            && Get(rfm, "rfm_r_cut_points") is { } r && Get(rfm, "rfm_f_cut_points") is { } f && Get(rfm, "rfm_m_cut_points") is { } m
            && r.Count == (int)binsValue - 1 && f.Count == r.Count && m.Count == r.Count)
        {
            options = options with
            {
                Rfm = options.Rfm with { Bins = (int)binsValue, RecencyCutPoints = r, OrdersCutPoints = f, MonetaryCutPoints = m },
            };
            frozen.Add(RfmScheme.Name);
        }
        else
        {
            notFrozen.Add(RfmScheme.Name + ": no cut points in the reference snapshot");
        }

        if (reference.TryGetValue(RfmCn8Scheme.Name, out var cn8) && Get(cn8, "rfm_cn8_means") is { Count: 3 } means)
        {
            options = options with { RfmCn8Means = means };
            frozen.Add(RfmCn8Scheme.Name);
        }
        else
        {
            notFrozen.Add(RfmCn8Scheme.Name + ": no means in the reference snapshot");
        }

        if (reference.TryGetValue(AbcScheme.Name, out var abc) && Get(abc, "abc_a_min_value") is { } a && Get(abc, "abc_b_min_value") is { } b)
        {
            options = options with
            {
                Abc = options.Abc with { Frozen = new AbcThresholds(a.Count > 0 ? a[0] : null, b.Count > 0 ? b[0] : null) },
            };
            frozen.Add(AbcScheme.Name);
        }
        else
        {
            notFrozen.Add(AbcScheme.Name + ": no thresholds in the reference snapshot");
        }

        if (reference.TryGetValue(ValueTiers.ValueTierScheme.Name, out var tier)
            && Get(tier, "value_tier_thresholds") is { Count: 2 } thresholds
            && options.ValueTier.Method == ValueTiers.ValueTierMethod.Quantile)
        {
            options = options with { ValueTier = options.ValueTier with { FrozenCutPoints = thresholds } };
            frozen.Add(ValueTiers.ValueTierScheme.Name);
        }
        else
        {
            notFrozen.Add(ValueTiers.ValueTierScheme.Name + ": no thresholds in the reference snapshot");
        }
        return new Result(options, frozen, notFrozen);
    }

    private static IReadOnlyList<decimal>? Get(IReadOnlyDictionary<string, IReadOnlyList<decimal>> parameters, string name) =>
        parameters.TryGetValue(name, out var values) ? values : null;
}
