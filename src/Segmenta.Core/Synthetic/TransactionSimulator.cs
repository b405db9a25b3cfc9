using System.Globalization;
using Segmenta.Core.Synthetic.Internal;

namespace Segmenta.Core.Synthetic;

/// <summary>
/// Synthetic, reproducible customers and transactions from the BG/NBD purchase process with Gamma-Gamma spend,
/// with known true parameters (for benchmarks and parameter-recovery tests). Port of <c>gen_transactions.py</c>;
/// see <c>docs/generator.md</c>.
/// </summary>
/// <example>
/// <code>
/// var options = new SyntheticOptions { Rows = 100_000, Seed = 42 };
/// var customers = TransactionSimulator.Simulate(options);
/// foreach (var row in TransactionSimulator.Transactions(customers, options.Order)) { … }
/// </code>
/// </example>
public static class TransactionSimulator
{
    /// <summary>
    /// Decides the number of customers and the id widths. With <see cref="SyntheticOptions.Rows"/> the number of
    /// customers is round(rows / E[rows per customer]) (half to even, at least 1), where E[rows per customer] is
    /// 1 + the BG/NBD E[X(T)] averaged over the 548 first-purchase days (the reference's closed form).
    /// </summary>
    /// <exception cref="SegmentaInputException">The options are invalid; the message lists every problem.</exception>
    public static SyntheticPlan Plan(SyntheticOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new SegmentaInputException("Invalid generator options: " + string.Join(" ", problems));
        }

        var (rowsPerCustomer, method) = ExpectedRows.PerCustomer(options);
        int customers;
        if (options.Customers is { } exact)
        {
            customers = exact;
        }
        else
        {
            var wanted = Math.Max(1.0, Math.Round(options.Rows!.Value / rowsPerCustomer, MidpointRounding.ToEven));
            if (wanted > int.MaxValue)
            {
                throw new SegmentaInputException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"--rows {options.Rows} needs {wanted:F0} customers, more than the generator supports ({int.MaxValue}). Use fewer rows."));
            }

            customers = (int)wanted;
        }

        var customerDigits = customers.ToString(CultureInfo.InvariantCulture).Length;
        var productDigits = options.Products.ToString(CultureInfo.InvariantCulture).Length;
        return new SyntheticPlan(customers, rowsPerCustomer, method, Math.Max(7, customerDigits), Math.Max(5, productDigits));
    }

    /// <summary>
    /// Simulates the customers lazily, in id order, each with its purchases. Blocks of customers are simulated in
    /// parallel ahead of the consumer; the result does not depend on the number of threads.
    /// </summary>
    /// <exception cref="SegmentaInputException">The options are invalid.</exception>
    public static IEnumerable<SyntheticCustomer> Simulate(SyntheticOptions options) =>
        Simulate(options, Environment.ProcessorCount);

    /// <summary>
    /// Turns customers (in id order, as <see cref="Simulate(SyntheticOptions)"/> yields them) into the rows of the
    /// log, numbering order ids 1 .. rows in log order. <see cref="SyntheticOrder.Customer"/> streams;
    /// <see cref="SyntheticOrder.Date"/> reads every customer first (about 16 bytes of memory a row), then yields
    /// the rows by date, stable within a day.
    /// </summary>
    public static IEnumerable<SyntheticTransaction> Transactions(IEnumerable<SyntheticCustomer> customers, SyntheticOrder order)
    {
        ArgumentNullException.ThrowIfNull(customers);
        if (!Enum.IsDefined(order))
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "Unknown row order.");
        }

        return order == SyntheticOrder.Customer ? ByCustomer(customers) : ByDate(customers);
    }

    internal static IEnumerable<SyntheticCustomer> Simulate(SyntheticOptions options, int maxParallelism)
    {
        var plan = Plan(options);
        return SimulateBlocks(options, plan.Customers, Math.Max(1, maxParallelism));
    }

    private static IEnumerable<SyntheticCustomer> SimulateBlocks(SyntheticOptions options, int customers, int parallelism)
    {
        var simulator = new CustomerBlockSimulator(options);
        var blocks = (int)(((long)customers + SimulationStreams.CustomersPerBlock - 1) / SimulationStreams.CustomersPerBlock);
        if (parallelism == 1)
        {
            for (var b = 0; b < blocks; b++)
            {
                foreach (var customer in simulator.SimulateBlock(b, customers))
                {
                    yield return customer;
                }
            }

            yield break;
        }

        // Keep a few blocks in flight and hand them out in block order.
        var inFlight = new Queue<Task<SyntheticCustomer[]>>();
        var next = 0;
        var ahead = 2 * parallelism;
        while (next < blocks && inFlight.Count < ahead)
        {
            inFlight.Enqueue(Start(simulator, next++, customers));
        }

        while (inFlight.Count > 0)
        {
            var block = inFlight.Dequeue().GetAwaiter().GetResult();
            if (next < blocks)
            {
                inFlight.Enqueue(Start(simulator, next++, customers));
            }

            foreach (var customer in block)
            {
                yield return customer;
            }
        }
    }

    private static Task<SyntheticCustomer[]> Start(CustomerBlockSimulator simulator, int block, int customers) =>
        Task.Run(() => simulator.SimulateBlock(block, customers));

    private static IEnumerable<SyntheticTransaction> ByCustomer(IEnumerable<SyntheticCustomer> customers)
    {
        long orderId = 0;
        foreach (var customer in customers)
        {
            foreach (var purchase in customer.Purchases)
            {
                yield return new SyntheticTransaction(++orderId, customer.Index, purchase.Day, purchase.AmountCents, purchase.Product);
            }
        }
    }

    private static IEnumerable<SyntheticTransaction> ByDate(IEnumerable<SyntheticCustomer> customers)
    {
        var buckets = new DateBuckets();
        foreach (var customer in customers)
        {
            foreach (var purchase in customer.Purchases)
            {
                buckets.Add(customer.Index, purchase);
            }
        }

        foreach (var row in buckets.Drain())
        {
            yield return row;
        }
    }
}
