namespace Segmenta.Core.Propensity;

/// <summary>Calibration of predicted probabilities against observed outcomes.</summary>
public static class Calibration
{
    /// <summary>
    /// Sorts by prediction (ties by row number) and cuts into <paramref name="bins"/> groups whose sizes differ by at
    /// most one (bin b takes rows ⌊(b−1)n/B⌋ … ⌊bn/B⌋ − 1); per bin the mean prediction and the observed rate, the
    /// decile table of Hosmer &amp; Lemeshow (2000), Applied Logistic Regression, 2nd ed., §5.2.2. Empty bins are left out.
    /// </summary>
    public static IReadOnlyList<CalibrationBin> Table(IReadOnlyList<double> predicted, IReadOnlyList<bool> observed, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);
        if (predicted.Count != observed.Count) throw new ArgumentException($"{predicted.Count} predictions but {observed.Count} outcomes.", nameof(observed));
        var n = predicted.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => predicted[i]).ThenBy(i => i).ToArray();
        var table = new List<CalibrationBin>(bins);
        for (var b = 0; b < bins; b++)
        {
            var from = (int)((long)b * n / bins);
            var to = (int)((long)(b + 1) * n / bins);
            if (to <= from) continue;
            double sum = 0, hits = 0;
            for (var k = from; k < to; k++)
            {
                sum += predicted[order[k]];
                if (observed[order[k]]) hits++;
            }
            var count = to - from;
            table.Add(new CalibrationBin(b + 1, count, predicted[order[from]], predicted[order[to - 1]], sum / count, hits / count));
        }
        return table;
    }

    /// <summary>Brier score: mean of (prediction − outcome)² (Brier 1950, Monthly Weather Review 78(1)); lower is better.</summary>
    public static double Brier(IReadOnlyList<double> predicted, IReadOnlyList<bool> observed)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(observed);
        if (predicted.Count == 0) return double.NaN;
        var sum = 0.0;
        for (var i = 0; i < predicted.Count; i++)
        {
            var d = predicted[i] - (observed[i] ? 1 : 0);
            sum += d * d;
        }
        return sum / predicted.Count;
    }
}
