namespace Segmenta.Core.Propensity;

/// <summary>ROC AUC by the Mann–Whitney rank-sum statistic.</summary>
public static class RocAuc
{
    /// <summary>
    /// AUC = (R₊ − n₊(n₊ + 1)/2) / (n₊ n₋), where R₊ is the sum of the positives' ranks among all scores (ties get
    /// their mid-rank, so a tie counts ½): the Mann–Whitney U statistic divided by n₊ n₋ (Hanley &amp; McNeil 1982,
    /// "The Meaning and Use of the Area under a ROC Curve", Radiology 143(1), §II). Standard error from the same
    /// paper, eq. (2): SE² = [A(1 − A) + (n₊ − 1)(Q₁ − A²) + (n₋ − 1)(Q₂ − A²)] / (n₊ n₋), Q₁ = A/(2 − A),
    /// Q₂ = 2A²/(1 + A). Without both classes the AUC is NaN. O(n log n).
    /// </summary>
    /// <exception cref="ArgumentException">Scores and outcomes differ in length, or a score is NaN.</exception>
    public static AucResult Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(positive);
        if (scores.Count != positive.Count) throw new ArgumentException($"{scores.Count} scores but {positive.Count} outcomes.", nameof(positive));
        var n = scores.Count;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(scores[i])) throw new ArgumentException($"Score {i} is NaN.", nameof(scores));
            order[i] = i;
        }
        Array.Sort(order, (a, b) => scores[a].CompareTo(scores[b]));
        double rankSum = 0;
        long pos = 0;
        var start = 0;
        while (start < n)
        {
            var end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) end++;
            var midRank = ((start + 1) + (end + 1)) / 2.0;
            for (var k = start; k <= end; k++)
            {
                if (!positive[order[k]]) continue;
                rankSum += midRank;
                pos++;
            }
            start = end + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) return new AucResult(double.NaN, double.NaN, pos, neg);
        var auc = (rankSum - (pos * (pos + 1) / 2.0)) / ((double)pos * neg);
        var q1 = auc / (2 - auc);
        var q2 = 2 * auc * auc / (1 + auc);
        var variance = ((auc * (1 - auc)) + ((pos - 1) * (q1 - (auc * auc))) + ((neg - 1) * (q2 - (auc * auc)))) / ((double)pos * neg);
        return new AucResult(auc, Math.Sqrt(Math.Max(0, variance)), pos, neg);
    }
}
