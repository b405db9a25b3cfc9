namespace Segmenta.Core.Clv;

/// <summary>
/// Profit over a horizon: the margin on the expected revenue minus the expected cost to serve,
/// CLV = Σₖ (mₖ − cₖ) / (1 + d)ᵏ (Gupta et al. 2006, "Modeling Customer Lifetime Value", Journal of Service Research 9(2),
/// eq. (1), without the acquisition cost). The margin part is revenue CLV × the customer's gross margin rate
/// (<see cref="MarginRates"/>); the cost part keeps the customer's current contact spending: the interaction cost of the
/// last 90 days spread evenly over the days, so each month costs cost₉₀ × 30.4375 / 90, discounted like the revenue.
/// The contact plan is a decision of the seller, not a behaviour of the customer, so it is not weighted by P(alive):
/// the cost is what continuing today's plan would cost, which is what a playbook has to justify.
/// </summary>
public static class ProfitValue
{
    /// <summary>The window of the contact-rate estimate, in days.</summary>
    public const double ContactWindowDays = 90;

    /// <summary>
    /// Discounted cost of continuing the current contact rate for <paramref name="months"/> months:
    /// Σ_{k=1}^{K} cost₉₀ · (30.4375 / 90) / (1 + d)ᵏ.
    /// </summary>
    /// <param name="contactCost90d">Interaction cost of the last 90 days (≥ 0).</param>
    /// <param name="months">Horizon in months (≥ 1).</param>
    /// <param name="discountMonthly">Monthly discount rate d (≥ 0).</param>
    public static double ExpectedCostToServe(double contactCost90d, int months, double discountMonthly)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        ArgumentOutOfRangeException.ThrowIfNegative(discountMonthly);
        return contactCost90d * MonthFactor(months, discountMonthly);
    }

    /// <summary>Σ_{k=1}^{K} (30.4375 / 90) / (1 + d)ᵏ: the cost-to-serve multiplier of one unit of 90-day contact cost.</summary>
    public static double MonthFactor(int months, double discountMonthly)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        ArgumentOutOfRangeException.ThrowIfNegative(discountMonthly);
        var perMonth = TimeUnits.DaysPerMonth / ContactWindowDays;
        double total = 0, discount = 1;
        for (var k = 1; k <= months; k++)
        {
            discount /= 1 + discountMonthly;
            total += perMonth * discount;
        }
        return total;
    }

    /// <summary>
    /// Profit CLV per customer: revenue CLV × margin rate − expected cost to serve. <paramref name="marginRate"/> comes from
    /// <see cref="MarginRates.Observed"/> over the customers' revenue and gross margin.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> revenueClv, ReadOnlySpan<double> marginRate, ReadOnlySpan<double> contactCost90d,
        int months, double discountMonthly, Span<double> destination)
    {
        if (marginRate.Length != revenueClv.Length || contactCost90d.Length != revenueClv.Length || destination.Length != revenueClv.Length)
            throw new ArgumentException("every span must have one value per customer", nameof(destination));
        var factor = MonthFactor(months, discountMonthly);
        for (var i = 0; i < revenueClv.Length; i++)
            destination[i] = revenueClv[i] * marginRate[i] - contactCost90d[i] * factor;
    }
}
