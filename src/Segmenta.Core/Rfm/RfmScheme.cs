using Segmenta.Core.Customers;
using Segmenta.Core.Numerics;
using Segmenta.Core.Rfm.Internal;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.Rfm;

/// <summary>
/// RFM scoring: recency R = <c>recency_days</c> (lower is better, so the most recent customers get the highest
/// score), frequency F = <c>orders</c>, monetary M = <c>monetary_total</c>; each scored 1 … n (n =
/// <see cref="RfmOptions.Bins"/>, higher is better), then one of 11 named segments.
/// </summary>
/// <remarks>
/// <para><b>Scoring is by value.</b> A score is a function of the measure's value only (a CASE over cut points),
/// so equal values always get equal scores, the result does not depend on row order, and every engine
/// assigns the same scores. Cut points are fixed once from the population's <see cref="ValueHistogram"/>s
/// and reported in <see cref="SchemePlan.Parameters"/> (<c>rfm_r_cut_points</c>, <c>rfm_f_cut_points</c>,
/// <c>rfm_m_cut_points</c>, plus <c>rfm_bins</c>).</para>
/// <para><b><see cref="RfmBinning.Quantile"/> (Segmenta's rule, default).</b> Cut points cₖ = Q(k/n), k = 1 … n−1,
/// with the configured <see cref="QuantileDefinition"/> (R type 7 by default), computed exactly in decimal.
/// F and M: right-closed bins, score = 1 + #{k : cₖ &lt; x}, i.e. (−∞, c₁] → 1, (c₁, c₂] → 2, …, (cₙ₋₁, ∞) → n.
/// R: the mirror image, score = 1 + #{k : x &lt; cₖ}, i.e. [cₙ₋₁, ∞) → 1, …, [c₁, c₂) → n−1, (−∞, c₁) → n.
/// A customer exactly on a cut point therefore always gets the lower (worse) score, for all three measures:
/// a score above k needs a value strictly better than the k-th cut point. Why: quantiles are the
/// distribution-free, explainable way to get n groups of about equal size; the type 7 definition is the one
/// R, NumPy and Excel use by default, so analysts can check the cut points with their own tools; and resolving
/// the tie on a cut point towards the worse score is the one rule that treats R, F and M alike and that gives
/// one-time buyers (the usual majority at the minimum of <c>orders</c>) F = 1. When tied values make cut points
/// coincide, the scores between them are simply not used (they are never invented).</para>
/// <para><b><see cref="RfmBinning.RRfm"/>.</b> Exactly <c>rfm_table_order()</c> of the R package <c>rfm</c>
/// (rsquaredacademy/rfm, <c>R/utils.R</c> <c>bins()</c>, <c>bins_lower()</c>, <c>bins_upper()</c> and
/// <c>rfm_prep_bins()</c>): breaks bₖ = Q₇(k/n) + 1 (R's <c>quantile()</c> type 7 in double precision, then
/// +1); bins are left-closed [bₖ₋₁, bₖ) with b₀ = min and bₙ = max + 1 (R assigns a score where
/// <c>value &gt;= lower &amp; value &lt; upper</c>, it does not use <c>cut()</c>). F and M score = 1 + #{k : bₖ ≤ x};
/// R score = n − #{k : bₖ ≤ x}. Duplicate breaks make an empty bin, so that score is skipped, as in R.</para>
/// <para><b>Custom cut points</b> (<see cref="RfmOptions.RecencyCutPoints"/> …) replace the computed ones and
/// follow the edge rule of the chosen binning mode (in <see cref="RfmBinning.RRfm"/> they are used without
/// the +1, as R uses custom <c>*_bins</c> vectors). Equal custom cut points are allowed (computed quantiles tie too, and a
/// snapshot's frozen cut points are reused as they were computed); the score between them is then unused.</para>
/// <para><b>Small and degenerate populations.</b> n customers &lt; Bins: the cut points still interpolate
/// between the observed values, so scores spread over 1 … n (two customers get 1 and n). All values equal:
/// every cut point equals that value, so everyone gets 1 in <see cref="RfmBinning.Quantile"/> mode (no one is
/// better than anyone); in <see cref="RfmBinning.RRfm"/> mode F = M = 1 and R = n, as the R package gives.
/// Empty histogram: there are no cut points (an empty list is reported) and every score is 1.
/// A null measure scores 1 (the worst) in both modes, through an explicit <c>IS NULL</c> branch.</para>
/// <para><b>Output.</b> Layer 1: <c>rfm_r</c>, <c>rfm_f</c>, <c>rfm_m</c>. Layer 2: <c>rfm_score</c> = 100·R + 10·F + M
/// and <c>rfm_segment</c> (it reads the layer 1 scores, so it cannot sit in layer 1).</para>
/// </remarks>
public static class RfmScheme
{
    /// <summary>Scheme name.</summary>
    public const string Name = "rfm";

    /// <summary>Output column: 100·R + 10·F + M.</summary>
    public const string ScoreColumn = "rfm_score";

    /// <summary>Output column: the segment key.</summary>
    public const string SegmentColumn = "rfm_segment";

    /// <summary>Builds the plan from the three measures' histograms.</summary>
    /// <param name="recency">Histogram of <c>recency_days</c>.</param>
    /// <param name="orders">Histogram of <c>orders</c>.</param>
    /// <param name="monetary">Histogram of <c>monetary_total</c>.</param>
    /// <param name="options">Bins, binning mode, quantile definition, custom cut points; <see cref="RfmOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">Bins outside 2 … 9.</exception>
    /// <exception cref="ArgumentException">Custom cut points of the wrong count or descending.</exception>
    public static SchemePlan Plan(ValueHistogram recency, ValueHistogram orders, ValueHistogram monetary, RfmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(recency);
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(monetary);
        options ??= RfmOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Bins, RfmOptions.MinBins, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Bins, RfmOptions.MaxBins, nameof(options));

        var rCuts = CutPoints(recency, options.RecencyCutPoints, options, nameof(RfmOptions.RecencyCutPoints));
        var fCuts = CutPoints(orders, options.OrdersCutPoints, options, nameof(RfmOptions.OrdersCutPoints));
        var mCuts = CutPoints(monetary, options.MonetaryCutPoints, options, nameof(RfmOptions.MonetaryCutPoints));

        var r = options.Binning == RfmBinning.RRfm
            ? RfmScoreExpression.RLowerIsBetter(FeatureNames.RecencyDays, rCuts)
            : RfmScoreExpression.LowerIsBetter(FeatureNames.RecencyDays, rCuts);
        var f = options.Binning == RfmBinning.RRfm
            ? RfmScoreExpression.RHigherIsBetter(FeatureNames.Orders, fCuts)
            : RfmScoreExpression.HigherIsBetter(FeatureNames.Orders, fCuts);
        var m = options.Binning == RfmBinning.RRfm
            ? RfmScoreExpression.RHigherIsBetter(FeatureNames.MonetaryTotal, mCuts)
            : RfmScoreExpression.HigherIsBetter(FeatureNames.MonetaryTotal, mCuts);

        var score = new Binary(BinaryOp.Add,
            new Binary(BinaryOp.Add,
                new Binary(BinaryOp.Multiply, ExprBuilder.Col(FeatureNames.RfmR), ExprBuilder.Lit(100L)),
                new Binary(BinaryOp.Multiply, ExprBuilder.Col(FeatureNames.RfmF), ExprBuilder.Lit(10L))),
            ExprBuilder.Col(FeatureNames.RfmM));

        IReadOnlyList<IReadOnlyList<DerivedColumn>> layers =
        [
            [
                new DerivedColumn(FeatureNames.RfmR, r),
                new DerivedColumn(FeatureNames.RfmF, f),
                new DerivedColumn(FeatureNames.RfmM, m),
            ],
            [
                new DerivedColumn(ScoreColumn, score),
                new DerivedColumn(SegmentColumn,
                    RfmSegmentExpression.Build(options.Bins, FeatureNames.RfmR, FeatureNames.RfmF, FeatureNames.RfmM)),
            ],
        ];
        var parameters = new Dictionary<string, IReadOnlyList<decimal>>(StringComparer.Ordinal)
        {
            ["rfm_bins"] = [options.Bins],
            ["rfm_r_cut_points"] = rCuts,
            ["rfm_f_cut_points"] = fCuts,
            ["rfm_m_cut_points"] = mCuts,
        };
        IReadOnlyList<SegmentInfo> segments = [.. RfmSegmentTable.Rules.Select(s => s.Info), RfmSegmentTable.Others];
        return new SchemePlan(Name, layers, SegmentColumn, segments, parameters);
    }

    private static decimal[] CutPoints(ValueHistogram histogram, IReadOnlyList<decimal>? custom, RfmOptions options, string name)
    {
        if (custom is not null)
        {
            if (custom.Count != options.Bins - 1)
                throw new ArgumentException($"{name} must hold Bins − 1 = {options.Bins - 1} cut points, not {custom.Count}.", nameof(options));
            for (var i = 1; i < custom.Count; i++)
            {
                if (custom[i] < custom[i - 1])
                    throw new ArgumentException($"{name} must be ascending ({custom[i - 1]} is followed by {custom[i]}).", nameof(options));
            }
            return [.. custom];
        }
        if (options.Binning == RfmBinning.RRfm)
            return RPackageBreaks.Compute(histogram, options.Bins);
        if (histogram.Count == 0)
            return [];
        var probabilities = Enumerable.Range(1, options.Bins - 1).Select(k => (double)k / options.Bins).ToList();
        return [.. Quantiles.Compute(histogram, probabilities, options.QuantileDefinition)];
    }
}
