using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.Rfm.Internal;

/// <summary>The per-measure score rules (first match wins; a null measure scores 1).</summary>
internal static class RfmScoreExpression
{
    /// <summary>
    /// Segmenta rule, higher is better (orders, monetary): right-closed bins (cₖ₋₁, cₖ],
    /// score = 1 + #{k : cₖ &lt; x}: <c>WHEN x &lt;= c₁ THEN 1 … WHEN x &lt;= cₙ₋₁ THEN n−1 ELSE n</c>.
    /// </summary>
    public static CaseWhen HigherIsBetter(string column, IReadOnlyList<decimal> cuts) =>
        ExprBuilder.Thresholds(column, BinaryOp.LessOrEqual, cuts.Select((c, i) => (c, (object)(long)(i + 1))), (long)(cuts.Count + 1), 1L);

    /// <summary>
    /// Segmenta rule, lower is better (recency): left-closed bins [cₖ₋₁, cₖ) on the measure,
    /// score = 1 + #{k : x &lt; cₖ}: <c>WHEN x &gt;= cₙ₋₁ THEN 1 … WHEN x &gt;= c₁ THEN n−1 ELSE n</c>.
    /// </summary>
    public static CaseWhen LowerIsBetter(string column, IReadOnlyList<decimal> cuts)
    {
        var n = cuts.Count + 1;
        var branches = Enumerable.Range(0, cuts.Count).Reverse().Select(i => (cuts[i], (object)(long)(n - 1 - i)));
        return ExprBuilder.Thresholds(column, BinaryOp.GreaterOrEqual, branches, (long)n, 1L);
    }

    /// <summary>
    /// R <c>rfm</c> rule, higher is better: left-closed bins [bₖ₋₁, bₖ), score = 1 + #{k : bₖ ≤ x}:
    /// <c>WHEN x &lt; b₁ THEN 1 … WHEN x &lt; bₙ₋₁ THEN n−1 ELSE n</c>. Equal breaks leave a score unused, as in R.
    /// </summary>
    public static CaseWhen RHigherIsBetter(string column, IReadOnlyList<decimal> breaks) =>
        ExprBuilder.Thresholds(column, BinaryOp.Less, breaks.Select((b, i) => (b, (object)(long)(i + 1))), (long)(breaks.Count + 1), 1L);

    /// <summary>R <c>rfm</c> rule for recency: the same bins with reversed scores, score = n − #{k : bₖ ≤ x}.</summary>
    public static CaseWhen RLowerIsBetter(string column, IReadOnlyList<decimal> breaks)
    {
        var n = breaks.Count + 1;
        return ExprBuilder.Thresholds(column, BinaryOp.Less, breaks.Select((b, i) => (b, (object)(long)(n - i))), 1L, 1L);
    }
}
