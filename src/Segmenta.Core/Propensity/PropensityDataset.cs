namespace Segmenta.Core.Propensity;

/// <summary>
/// A calibration / holdout data set: features as of the calibration end and, per customer, what happened in the
/// holdout window: churn = no purchase in the window; spend_next = the window's revenue (0 when churned).
/// </summary>
/// <param name="Snapshot">The customers and their behaviour as of the calibration end.</param>
/// <param name="Features">Model inputs, in the snapshot's order (<see cref="PropensityFeatures.Build"/>).</param>
/// <param name="Churned">True when the customer made no purchase in the holdout window.</param>
/// <param name="SpendNext">Revenue in the holdout window.</param>
/// <param name="WindowDays">Length of the holdout window in days.</param>
public sealed record PropensityDataset(CustomerSnapshot Snapshot, FeatureMatrix Features, bool[] Churned, double[] SpendNext, int WindowDays)
{
    /// <summary>Joins the snapshot with the window's activity (customers who did not buy in the window churned).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The window has no days.</exception>
    public static PropensityDataset Create(CustomerSnapshot snapshot, WindowActivity window, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowDays);
        var index = new Dictionary<string, int>(snapshot.Count, StringComparer.Ordinal);
        for (var i = 0; i < snapshot.Count; i++) index[snapshot.CustomerIds[i]] = i;
        var churned = new bool[snapshot.Count];
        Array.Fill(churned, true);
        var spend = new double[snapshot.Count];
        for (var j = 0; j < window.CustomerIds.Count; j++)
        {
            if (!index.TryGetValue(window.CustomerIds[j], out var i)) continue; // first purchase in the window: not in the calibration cohort
            churned[i] = window.PurchaseDays[j] <= 0;
            spend[i] = window.Revenue[j];
        }
        return new PropensityDataset(snapshot, PropensityFeatures.Build(snapshot), churned, spend, windowDays);
    }

    /// <summary>Number of customers.</summary>
    public int Count => Snapshot.Count;
}
