namespace Segmenta.Core.Clv;

/// <summary>
/// Customer lifetime value from a transaction model and a Gamma-Gamma spend model (Fader, Hardie &amp; Lee 2005, JMR 42(4),
/// "RFM and CLV", discrete-period approximation of eq. (2) as in the Python package lifetimes):
/// CLV = margin · E[Z | x, m̄] · Σ_{k=1}^{K} (E[Y(kΔ) | x, tₓ, T] − E[Y((k−1)Δ) | x, tₓ, T]) / (1 + d)^k,
/// with Δ the period length in model units, K periods and d the discount rate per period.
/// </summary>
public static class LifetimeValue
{
    /// <summary>CLV of one customer with history (x, tₓ, T) and observed mean repeat spend m̄ (ignored when x = 0).</summary>
    public static double Compute(ITransactionModel transactions, GammaGammaModel spend, CustomerHistory history, double meanSpend, ClvOptions options)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(spend);
        Validate(options);
        var value = spend.ExpectedSpend(history.Frequency, meanSpend);
        return options.Margin * value * DiscountedPurchases(transactions, history.Frequency, history.Recency, history.T, options);
    }

    /// <summary>CLV of a customer who has just made a first purchase (x = 0, tₓ = 0, T = 0), at the population mean spend.</summary>
    public static double NewCustomer(ITransactionModel transactions, GammaGammaModel spend, ClvOptions options)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(spend);
        Validate(options);
        return options.Margin * spend.ExpectedSpend() * DiscountedPurchases(transactions, 0, 0, 0, options);
    }

    /// <summary>
    /// CLV for many customers; the discounted purchase sums are memoised per distinct (x, tₓ, T) cell.
    /// <paramref name="meanSpend"/>[i] belongs to <paramref name="customers"/>[i].
    /// </summary>
    public static void Compute(ITransactionModel transactions, GammaGammaModel spend, ReadOnlySpan<CustomerHistory> customers,
        ReadOnlySpan<double> meanSpend, Span<double> destination, ClvOptions options)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(spend);
        Validate(options);
        if (meanSpend.Length != customers.Length)
            throw new ArgumentException("meanSpend must have one value per customer", nameof(meanSpend));
        TransactionModels.Apply(customers, destination, (x, tx, age) => DiscountedPurchases(transactions, x, tx, age, options), memoise: true);
        for (var i = 0; i < customers.Length; i++)
            destination[i] *= options.Margin * spend.ExpectedSpend(customers[i].Frequency, meanSpend[i]);
    }

    /// <summary>Σ_{k=1}^{K} (E[Y(kΔ)] − E[Y((k−1)Δ)]) / (1 + d)^k: discounted expected purchases over the horizon.</summary>
    public static double DiscountedPurchases(ITransactionModel transactions, double frequency, double recency, double age, ClvOptions options)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        Validate(options);
        var step = options.PeriodLength;
        double total = 0, previous = 0, discount = 1;
        for (var k = 1; k <= options.Periods; k++)
        {
            var current = transactions.ExpectedPurchases(k * step, frequency, recency, age);
            discount /= 1 + options.DiscountRate;
            total += (current - previous) * discount;
            previous = current;
        }
        return total;
    }

    private static void Validate(ClvOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Periods);
        ArgumentOutOfRangeException.ThrowIfNegative(options.DiscountRate);
        if (!(options.Margin is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(options), options.Margin, "Margin must be a fraction in [0, 1].");
    }
}
