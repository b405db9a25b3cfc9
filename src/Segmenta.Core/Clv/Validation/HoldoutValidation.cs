namespace Segmenta.Core.Clv.Validation;

/// <summary>
/// Holdout validation of a transaction model, as in Fader, Hardie &amp; Lee (2005), "Counting Your Customers the Easy
/// Way", Marketing Science 24(2): the conditional expectations by calibration frequency (Fig. 5) and the weekly
/// tracking plot of cumulative repeat transactions (Fig. 2, model curve from eq. 7). Pure functions: the caller
/// supplies predictions, actual counts and first-purchase cohorts.
/// </summary>
public static class HoldoutValidation
{
    /// <summary>The open last bin of the conditional-expectations table: 7+ as in FHL (2005), Fig. 5.</summary>
    public const int DefaultMaxFrequency = 7;

    /// <summary>
    /// Compares predicted with actual holdout purchases per customer. <paramref name="predicted"/>[i] and
    /// <paramref name="actual"/>[i] belong to <paramref name="calibration"/>[i]; weights come from the histories.
    /// Bins are x = 0, 1, …, <paramref name="maxFrequency"/> − 1 and "<paramref name="maxFrequency"/>+" (x is rounded
    /// down). Empty input gives zero totals, NaN errors and empty bins (NaN means).
    /// </summary>
    public static HoldoutComparison Compare(ReadOnlySpan<CustomerHistory> calibration, ReadOnlySpan<double> predicted,
        ReadOnlySpan<double> actual, int maxFrequency = DefaultMaxFrequency)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFrequency);
        if (predicted.Length != calibration.Length || actual.Length != calibration.Length)
            throw new ArgumentException("predicted and actual need one value per customer");
        var n = new double[maxFrequency + 1];
        var sumPredicted = new double[maxFrequency + 1];
        var sumActual = new double[maxFrequency + 1];
        double customers = 0, totalPredicted = 0, totalActual = 0, absolute = 0, squared = 0;
        for (var i = 0; i < calibration.Length; i++)
        {
            var w = calibration[i].Weight;
            var bin = (int)Math.Min(maxFrequency, Math.Floor(calibration[i].Frequency));
            var error = predicted[i] - actual[i];
            n[bin] += w;
            sumPredicted[bin] += w * predicted[i];
            sumActual[bin] += w * actual[i];
            customers += w;
            totalPredicted += w * predicted[i];
            totalActual += w * actual[i];
            absolute += w * Math.Abs(error);
            squared += w * error * error;
        }
        var bins = new FrequencyBin[maxFrequency + 1];
        for (var k = 0; k <= maxFrequency; k++)
            bins[k] = new FrequencyBin(k, k == maxFrequency, n[k], n[k] > 0 ? sumPredicted[k] / n[k] : double.NaN, n[k] > 0 ? sumActual[k] / n[k] : double.NaN);
        return new HoldoutComparison(customers, totalPredicted, totalActual,
            customers > 0 ? absolute / customers : double.NaN, customers > 0 ? Math.Sqrt(squared / customers) : double.NaN, bins);
    }

    /// <summary>
    /// Weekly cumulative repeat purchases, actual against model, for days 0 … <paramref name="lastDay"/> counted from
    /// the origin (week w ends on day 7w − 1; the last week ends on <paramref name="lastDay"/> and may be short).
    /// Model: Σ_cohorts n_d · E[X(t_w − d)] with E[X(t)] the model's expected repeat purchases of a new customer
    /// (<see cref="ITransactionModel.ExpectedPurchases(double)"/>; BG/NBD: FHL 2005 eq. 7) and the age converted from
    /// days to the model's <paramref name="unit"/>; a cohort adds nothing before its first-purchase day.
    /// Actual: Σ of <paramref name="repeatsByDay"/>[0 … t_w] (repeat purchases per day, any length; days after
    /// <paramref name="lastDay"/> are ignored).
    /// </summary>
    public static IReadOnlyList<TrackingPoint> Tracking(ITransactionModel model, TimeUnit unit, IReadOnlyList<FirstPurchaseCohort> cohorts,
        ReadOnlySpan<double> repeatsByDay, int lastDay)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(cohorts);
        ArgumentOutOfRangeException.ThrowIfNegative(lastDay);
        var weeks = lastDay / 7 + 1;
        var ends = Enumerable.Range(1, weeks).Select(w => Math.Min(7 * w - 1, lastDay)).Distinct().ToArray();
        // Memoise E[X(age)] per distinct age in days: ages repeat across cohorts and weeks.
        var expected = new Dictionary<int, double>();
        double Expected(int days)
        {
            if (!expected.TryGetValue(days, out var v))
            {
                v = days <= 0 ? 0 : model.ExpectedPurchases(TimeUnits.FromDays(days, unit));
                expected.Add(days, v);
            }
            return v;
        }
        var points = new TrackingPoint[ends.Length];
        double actual = 0;
        var day = 0;
        for (var w = 0; w < ends.Length; w++)
        {
            var end = ends[w];
            for (; day <= end; day++) actual += day < repeatsByDay.Length ? repeatsByDay[day] : 0;
            double modelTotal = 0;
            foreach (var c in cohorts)
                if (c.Day < end) modelTotal += c.Customers * Expected(end - c.Day);
            points[w] = new TrackingPoint(w + 1, end, actual, modelTotal);
        }
        return points;
    }

    /// <summary>
    /// Calibration-period histogram of repeat purchases, actual against BG/NBD (FHL 2005, Fig. 1): for k = 0 … m − 1,
    /// model = Σᵢ wᵢ P(X(Tᵢ) = k) with P(X(t) = k) the unconditional BG/NBD probability (FHL 2005, eq. 8) at each
    /// customer's own age Tᵢ; the open bin "m+" gets Σᵢ wᵢ (1 − Σ_{k&lt;m} P(X(Tᵢ) = k)). Actual = customers with x = k
    /// (x rounded down). Probabilities are memoised per distinct Tᵢ.
    /// </summary>
    public static IReadOnlyList<PurchaseCountBin> CalibrationHistogram(BgNbdModel model, ReadOnlySpan<CustomerHistory> calibration, int maxPurchases = DefaultMaxFrequency)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPurchases);
        var actual = new double[maxPurchases + 1];
        var expected = new double[maxPurchases + 1];
        var memo = new Dictionary<double, double[]>();
        foreach (var c in calibration)
        {
            actual[(int)Math.Min(maxPurchases, Math.Floor(c.Frequency))] += c.Weight;
            if (!memo.TryGetValue(c.T, out var p))
            {
                p = new double[maxPurchases + 1];
                double below = 0;
                for (var k = 0; k < maxPurchases; k++) below += p[k] = model.ProbabilityOfPurchases(c.T, k);
                p[maxPurchases] = Math.Max(0, 1 - below);
                memo.Add(c.T, p);
            }
            for (var k = 0; k <= maxPurchases; k++) expected[k] += c.Weight * p[k];
        }
        return [.. Enumerable.Range(0, maxPurchases + 1).Select(k => new PurchaseCountBin(k, k == maxPurchases, actual[k], expected[k]))];
    }
}
