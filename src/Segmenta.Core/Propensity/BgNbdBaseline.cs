using Segmenta.Core.Clv;

namespace Segmenta.Core.Propensity;

/// <summary>
/// The model-based baseline: BG/NBD (and Gamma-Gamma for spend) fitted on the snapshot's own histories in weeks,
/// without looking at any label.
/// </summary>
/// <param name="Transactions">The fitted BG/NBD model (weeks).</param>
/// <param name="Spend">The fitted Gamma-Gamma model, or null when it could not be fitted (too few repeat buyers).</param>
/// <param name="Histories">(x, tₓ, T) per snapshot customer, in weeks.</param>
/// <param name="MeanSpend">Mean repeat spend per customer (0 without repeat purchases).</param>
public sealed record BgNbdBaseline(BgNbdModel Transactions, GammaGammaModel? Spend, CustomerHistory[] Histories, double[] MeanSpend)
{
    /// <summary>Name of the churn baseline that scores P(no purchase in the window).</summary>
    public const string Name = "bgnbd";

    /// <summary>Name of the churn baseline that scores 1 − P(alive).</summary>
    public const string PAliveName = "bgnbd_p_alive";

    /// <summary>Fits BG/NBD (and Gamma-Gamma when there are repeat buyers with positive spend) on the snapshot.</summary>
    /// <exception cref="SegmentaInputException">BG/NBD cannot be fitted (e.g. no repeat purchases at all).</exception>
    public static BgNbdBaseline Fit(CustomerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var weeks = new CustomerHistory[snapshot.Count];
        var mean = new double[snapshot.Count];
        for (var i = 0; i < snapshot.Count; i++)
        {
            weeks[i] = new CustomerHistory(snapshot.Frequency[i],
                TimeUnits.FromDays(snapshot.FirstToLastDays[i], TimeUnit.Week), TimeUnits.FromDays(snapshot.TenureDays[i], TimeUnit.Week));
            var m = snapshot.RepeatMonetaryMean[i];
            mean[i] = double.IsNaN(m) ? 0 : Math.Max(0, m);
        }
        var model = BgNbd.Fit(HistoryCells.Compress(weeks));
        GammaGammaModel? spend = null;
        var repeaters = weeks.Select((h, i) => (h, m: mean[i])).Where(p => p.h.Frequency > 0 && p.m > 0)
            .Select(p => new SpendHistory(p.h.Frequency, p.m)).ToArray();
        if (repeaters.Length >= 10)
        {
            try
            {
                spend = GammaGamma.Fit(repeaters);
            }
            catch (SegmentaInputException)
            {
                spend = null; // reported as "no spend baseline"; the churn baseline does not need it
            }
        }
        return new BgNbdBaseline(model, spend, weeks, mean);
    }

    /// <summary>1 − P(alive | x, tₓ, T) per customer (Fader, Hardie &amp; Lee 2008, eq. (1)); 0 for every one-time buyer.</summary>
    public double[] OneMinusPAlive() =>
        [.. Histories.Select(h => 1 - Transactions.ProbabilityAlive(h.Frequency, h.Recency, h.T))];

    /// <summary>
    /// P(no purchase in (T, T + t] | x, tₓ, T) = 1 − P(alive) · [1 − ((α + T)/(α + T + t))^(r + x)] for a window of
    /// <paramref name="windowDays"/> days. Derivation: given λ, a customer alive at T makes no purchase in the window
    /// with probability e^(−λt) (dropout happens only at purchases), and a dead one never buys; under the BG/NBD
    /// posterior E[1{alive} e^(−λt)] = P(alive) · ((α+T)/(α+T+t))^(r+x), because the "alive" term of the likelihood,
    /// (1 − p)^x λ^x e^(−λT) (Fader, Hardie &amp; Lee 2005, eq. (3)), integrates against Gamma(r, α) to a term in
    /// (α + T)^−(r+x). See docs/propensity.md.
    /// </summary>
    public double[] ProbabilityNoPurchase(int windowDays)
    {
        var t = TimeUnits.FromDays(windowDays, TimeUnit.Week);
        var (r, alpha) = (Transactions.R, Transactions.Alpha);
        return
        [
            .. Histories.Select(h =>
            {
                var alive = Transactions.ProbabilityAlive(h.Frequency, h.Recency, h.T);
                var stayQuiet = Math.Exp((r + h.Frequency) * (Math.Log(alpha + h.T) - Math.Log(alpha + h.T + t)));
                return Math.Clamp(1 - (alive * (1 - stayQuiet)), 0, 1);
            }),
        ];
    }

    /// <summary>
    /// Expected revenue in the window: E[Y(t) | x, tₓ, T] (Fader, Hardie &amp; Lee 2005, eq. (10)) times the Gamma-Gamma
    /// conditional mean spend (Fader, Hardie &amp; Lee 2005, JMR, eq. (5)); null without a spend model.
    /// </summary>
    public double[]? ExpectedSpend(int windowDays)
    {
        if (Spend is null) return null;
        var t = TimeUnits.FromDays(windowDays, TimeUnit.Week);
        return [.. Histories.Select((h, i) => Transactions.ExpectedPurchases(t, h.Frequency, h.Recency, h.T) * Spend.ExpectedSpend(h.Frequency, MeanSpend[i]))];
    }
}
