namespace Segmenta.Core.Clv;

/// <summary>
/// Expected time of the next purchase, defined as the horizon t* at which the conditional expected purchases reach one:
/// E[Y(t*) | x, tₓ, T] = 1, searched in (0, maxHorizon]. E[Y(t)] is the model's conditional expectation (BG/NBD: Fader,
/// Hardie &amp; Lee 2005, eq. 10; Pareto/NBD: Schmittlein, Morrison &amp; Colombo 1987 / Fader &amp; Hardie 2005 note,
/// eq. 20; MBG/NBD: Batislam et al. 2007). It already weights by P(alive), so a customer who has probably churned
/// reaches one expected purchase late or never. This is a Segmenta definition (the papers give no "next purchase
/// date"): a point on the expected-count curve, not the median of a waiting-time distribution.
/// </summary>
public static class NextPurchase
{
    private const int Iterations = 60;

    /// <summary>
    /// t* with E[Y(t*) | x, tₓ, T] = 1 (bisection on the increasing function E[Y(t)], to 1e-9 of the horizon), or null
    /// when E[Y(maxHorizon)] &lt; 1 (not expected within the horizon). Times are in the model's unit.
    /// </summary>
    public static double? ExpectedTime(ITransactionModel model, double frequency, double recency, double age, double maxHorizon)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxHorizon);
        var t = Solve(model, frequency, frequency == 0 ? 0 : recency, age, maxHorizon);
        return double.IsNaN(t) ? null : t;
    }

    /// <summary>
    /// <see cref="ExpectedTime"/> for every customer, memoised per distinct (x, tₓ, T); NaN in <paramref name="destination"/>
    /// means "not within <paramref name="maxHorizon"/>".
    /// </summary>
    public static void ExpectedTimes(ITransactionModel model, ReadOnlySpan<CustomerHistory> customers, double maxHorizon, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxHorizon);
        TransactionModels.Apply(customers, destination, (x, tx, age) => Solve(model, x, tx, age, maxHorizon), memoise: true);
    }

    private static double Solve(ITransactionModel model, double x, double tx, double age, double maxHorizon)
    {
        if (!(model.ExpectedPurchases(maxHorizon, x, tx, age) >= 1)) return double.NaN;
        double low = 0, high = maxHorizon;
        for (var i = 0; i < Iterations && high - low > 1e-9 * maxHorizon; i++)
        {
            var mid = 0.5 * (low + high);
            if (model.ExpectedPurchases(mid, x, tx, age) >= 1) high = mid; else low = mid;
        }
        return high;
    }
}
