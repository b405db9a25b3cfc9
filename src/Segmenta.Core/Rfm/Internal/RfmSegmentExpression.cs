using Segmenta.Core.Schemes.Expressions;
using static Segmenta.Core.Schemes.Expressions.ExprBuilder;

namespace Segmenta.Core.Rfm.Internal;

/// <summary>Builds the <c>rfm_segment</c> rule from the segment table, for any number of bins.</summary>
internal static class RfmSegmentExpression
{
    /// <summary>
    /// First-match <c>CASE</c> over <c>rfm_r</c>, <c>rfm_f</c>, <c>rfm_m</c>. The table is written for 5-point scores;
    /// with n ≠ 5 bins a score s is read on the 5-point scale as g(s) = round(1 + 4(s − 1)/(n − 1)) (halves up),
    /// and a range lo–hi becomes the n-point scores s with lo ≤ g(s) ≤ hi. A rule with an empty range is left out.
    /// </summary>
    public static CaseWhen Build(int bins, string r, string f, string m)
    {
        var branches = new List<CaseBranch>();
        foreach (var rule in RfmSegmentTable.Rules)
        {
            var rr = Range(rule.RLow, rule.RHigh, bins);
            var fr = Range(rule.FLow, rule.FHigh, bins);
            var mr = Range(rule.MLow, rule.MHigh, bins);
            if (rr is null || fr is null || mr is null)
                continue;
            var when = And(Between(r, rr.Value), Between(f, fr.Value), Between(m, mr.Value));
            branches.Add(new CaseBranch(when, Lit(rule.Info.Key)));
        }
        return new CaseWhen(branches, Lit(RfmSegmentTable.OthersKey));
    }

    /// <summary>g(s): an n-point score on the 5-point scale.</summary>
    internal static int ToFivePoint(int score, int bins)
    {
        var numerator = 4 * (score - 1);
        var denominator = bins - 1;
        return 1 + (((2 * numerator) + denominator) / (2 * denominator));
    }

    private static (long Low, long High)? Range(int low, int high, int bins)
    {
        var scores = Enumerable.Range(1, bins).Where(s => ToFivePoint(s, bins) >= low && ToFivePoint(s, bins) <= high).ToList();
        return scores.Count == 0 ? null : (scores[0], scores[^1]);
    }

    private static Between Between(string column, (long Low, long High) range) =>
        new(Col(column), Lit(range.Low), Lit(range.High), false);
}
