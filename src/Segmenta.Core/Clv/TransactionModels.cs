namespace Segmenta.Core.Clv;

/// <summary>
/// Batch predictions for any <see cref="ITransactionModel"/>. Customers are processed in fixed chunks in parallel, and
/// expected purchases (which need ₂F₁) are memoised per distinct (x, tₓ, T) within a chunk. Results are identical to
/// the one-customer methods.
/// </summary>
public static class TransactionModels
{
    private const int Chunks = 16;
    private const int ParallelThreshold = 16_384;

    /// <summary>Expected transactions in (T, T + t] for every customer, written to <paramref name="destination"/>.</summary>
    public static void ExpectedPurchases(this ITransactionModel model, double t, ReadOnlySpan<CustomerHistory> customers, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        Apply(customers, destination, (x, tx, age) => model.ExpectedPurchases(t, x, tx, age), memoise: true);
    }

    /// <summary>P(alive) for every customer, written to <paramref name="destination"/>.</summary>
    public static void ProbabilityAlive(this ITransactionModel model, ReadOnlySpan<CustomerHistory> customers, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        Apply(customers, destination, model.ProbabilityAlive, memoise: false);
    }

    /// <summary>
    /// P(Y(t) = 0 | x, tₓ, T): probability of no purchase in (T, T + t] for every customer (see each model's
    /// <c>ProbabilityOfPurchases</c>), written to <paramref name="destination"/>.
    /// </summary>
    public static void ProbabilityOfNoPurchase(this ITransactionModel model, double t, ReadOnlySpan<CustomerHistory> customers, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        Apply(customers, destination, (x, tx, age) => model.ProbabilityOfPurchases(t, 0, x, tx, age), memoise: true);
    }

    /// <summary>Expected transactions in (T, T + t] for each cell (same order as the cells).</summary>
    public static double[] ExpectedPurchases(this ITransactionModel model, double t, HistoryCells cells)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(cells);
        var result = new double[cells.Length];
        Parallel.For(0, result.Length, i => result[i] = model.ExpectedPurchases(t, cells.X[i], cells.Tx[i], cells.T[i]));
        return result;
    }

    internal static void Apply(ReadOnlySpan<CustomerHistory> customers, Span<double> destination, Func<double, double, double, double> f, bool memoise)
    {
        if (destination.Length < customers.Length)
            throw new ArgumentException("destination is shorter than the customer list", nameof(destination));
        if (customers.Length < ParallelThreshold)
        {
            Range(customers, destination, f, memoise);
            return;
        }
        // Spans cannot cross into lambdas: copy in, compute per chunk, copy out.
        var input = customers.ToArray();
        var output = new double[input.Length];
        var n = input.Length;
        Parallel.For(0, Chunks, c =>
        {
            int from = (int)((long)n * c / Chunks), to = (int)((long)n * (c + 1) / Chunks);
            Range(input.AsSpan(from, to - from), output.AsSpan(from, to - from), f, memoise);
        });
        output.AsSpan().CopyTo(destination);
    }

    private static void Range(ReadOnlySpan<CustomerHistory> customers, Span<double> destination, Func<double, double, double, double> f, bool memoise)
    {
        var memo = memoise ? new Dictionary<(double, double, double), double>() : null;
        for (var i = 0; i < customers.Length; i++)
        {
            var c = customers[i];
            var tx = c.Frequency == 0 ? 0 : c.Recency;
            if (memo is null) { destination[i] = f(c.Frequency, tx, c.T); continue; }
            var key = (c.Frequency, tx, c.T);
            if (!memo.TryGetValue(key, out var v))
            {
                v = f(c.Frequency, tx, c.T);
                memo.Add(key, v);
            }
            destination[i] = v;
        }
    }
}
