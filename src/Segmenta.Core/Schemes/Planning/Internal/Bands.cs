using Segmenta.Core.Numerics;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.Schemes.Rules;

namespace Segmenta.Core.Schemes.Planning.Internal;

/// <summary>
/// Cut points of a measure and the band (1 … k + 1) a value falls in. Computed cuts (mean, median, quantiles, equal
/// widths) put a value on a cut in the lower band (band = 1 + #{i : x &gt; cᵢ}); fixed cuts are the first value of
/// their band (band = 1 + #{i : x ≥ cᵢ}). Null is band 1. An empty histogram gives no cuts: everyone is band 1.
/// </summary>
internal static class Bands
{
    public static IReadOnlyList<decimal> CutPoints(AxisDefinition axis, HistogramCache histograms)
    {
        if (axis.Split == AxisSplits.Fixed)
            return [.. axis.At];
        var h = histograms.Get(axis.Measure);
        if (h.Count == 0)
            return [];
        return axis.Split switch
        {
            AxisSplits.Mean => [Statistic(AggregateFunction.Mean, axis.Measure, null, h)],
            AxisSplits.Median => [Statistic(AggregateFunction.Median, axis.Measure, null, h)],
            _ => [.. axis.At.Select(p => Statistic(AggregateFunction.Percentile, axis.Measure, p, h))],
        };
    }

    public static IReadOnlyList<decimal> CutPoints(BinsSettings bins, int tiers, HistogramCache histograms)
    {
        if (bins.Method == BinMethods.Fixed)
            return [.. bins.Breaks];
        var h = histograms.Get(bins.Measure);
        if (h.Count == 0)
            return [];
        if (bins.Method == BinMethods.Quantile)
            return [.. bins.Breaks.Select(p => Statistic(AggregateFunction.Percentile, bins.Measure, p, h))];
        decimal min = h.Values[0], width = (h.Values[^1] - min) / tiers;
        return [.. Enumerable.Range(1, tiers - 1).Select(i => DecimalLiterals.Normalize(min + (i * width)))];
    }

    /// <summary>Same statistics as the rule language (<c>median(x)</c>, <c>percentile(x, p)</c>), so both agree exactly.</summary>
    private static decimal Statistic(AggregateFunction function, string column, decimal? argument, ValueHistogram h) =>
        DecimalLiterals.Normalize(AggregateResolver.Compute(new PopulationAggregate(function, column, argument), h));

    /// <summary><c>CASE WHEN x IS NULL THEN v(1) WHEN x op cₖ THEN v(k+1) … WHEN x op c₁ THEN v(2) ELSE v(1) END</c>.</summary>
    public static CaseWhen Expression(string measure, IReadOnlyList<decimal> cuts, bool inclusive, Func<int, object> valueOf)
    {
        var x = ExprBuilder.Col(measure);
        var branches = new List<CaseBranch> { new(new IsNull(x, false), ExprBuilder.Lit(valueOf(1))) };
        for (var i = cuts.Count - 1; i >= 0; i--)
            branches.Add(new CaseBranch(new Binary(inclusive ? BinaryOp.GreaterOrEqual : BinaryOp.Greater, x, ExprBuilder.Lit(cuts[i])), ExprBuilder.Lit(valueOf(i + 2))));
        return new CaseWhen(branches, ExprBuilder.Lit(valueOf(1)));
    }

    /// <summary>The condition of band <paramref name="band"/> for reasons (nulls, which are band 1, left out); null for "any value".</summary>
    public static Expr? Condition(string measure, IReadOnlyList<decimal> cuts, bool inclusive, int band)
    {
        var x = ExprBuilder.Col(measure);
        Expr? lower = band > 1 && band - 2 < cuts.Count
            ? new Binary(inclusive ? BinaryOp.GreaterOrEqual : BinaryOp.Greater, x, ExprBuilder.Lit(cuts[band - 2]))
            : null;
        Expr? upper = band <= cuts.Count
            ? new Binary(inclusive ? BinaryOp.Less : BinaryOp.LessOrEqual, x, ExprBuilder.Lit(cuts[band - 1]))
            : null;
        return (lower, upper) switch
        {
            (null, null) => null,
            ({ } l, null) => l,
            (null, { } u) => u,
            ({ } l, { } u) => ExprBuilder.And(l, u),
        };
    }

    /// <summary>Both conditions joined with <c>and</c>, skipping absent ones; <c>true</c> when both are absent.</summary>
    public static Expr All(params Expr?[] parts)
    {
        var present = parts.OfType<Expr>().ToArray();
        return present.Length == 0 ? ExprBuilder.Lit(true) : ExprBuilder.And(present);
    }
}
