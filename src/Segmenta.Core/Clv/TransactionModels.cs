namespace Segmenta.Core.Clv;

/// <summary>
/// Batch predictions for any <see cref="ITransactionModel"/>, memoised per distinct (x, tₓ, T) cell so millions of
/// customers cost one evaluation per distinct history.
/// </summary>
public static class TransactionModels
{
    /// <summary>Expected transactions in (T, T + t] for every customer, written to <paramref name="destination"/>.</summary>
    public static void ExpectedPurchases(this ITransactionModel model, double t, ReadOnlySpan<CustomerHistory> customers, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        Apply(customers, destination, (x, tx, age) => model.ExpectedPurchases(t, x, tx, age));
    }

    /// <summary>P(alive) for every customer, written to <paramref name="destination"/>.</summary>
    public static void ProbabilityAlive(this ITransactionModel model, ReadOnlySpan<CustomerHistory> customers, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        Apply(customers, destination, model.ProbabilityAlive);
    }

    /// <summary>Expected transactions in (T, T + t] for each cell (same order as the cells).</summary>
    public static double[] ExpectedPurchases(this ITransactionModel model, double t, HistoryCells cells)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(cells);
        var result = new double[cells.Length];
        for (var i = 0; i < result.Length; i++) result[i] = model.ExpectedPurchases(t, cells.X[i], cells.Tx[i], cells.T[i]);
        return result;
    }

    internal static void Apply(ReadOnlySpan<CustomerHistory> customers, Span<double> destination, Func<double, double, double, double> f)
    {
        if (destination.Length < customers.Length)
            throw new ArgumentException("destination is shorter than the customer list", nameof(destination));
        var memo = new Dictionary<(double, double, double), double>();
        for (var i = 0; i < customers.Length; i++)
        {
            var c = customers[i];
            var key = (c.Frequency, c.Frequency == 0 ? 0 : c.Recency, c.T);
            if (!memo.TryGetValue(key, out var v))
            {
                v = f(key.Item1, key.Item2, key.Item3);
                memo.Add(key, v);
            }
            destination[i] = v;
        }
    }
}
