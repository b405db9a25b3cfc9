using Segmenta.Core.Synthetic;

namespace Segmenta.Core.Tests.Synthetic;

public class TransactionSimulatorTests
{
    private static readonly SyntheticOptions Small = new() { Rows = 20_000 };

    [Fact]
    public void Simulate_SameSeed_SameCustomers()
    {
        var first = Fingerprint(TransactionSimulator.Simulate(Small));
        var second = Fingerprint(TransactionSimulator.Simulate(Small));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Simulate_DifferentSeed_DifferentCustomers()
    {
        var first = Fingerprint(TransactionSimulator.Simulate(Small));
        var other = Fingerprint(TransactionSimulator.Simulate(Small with { Seed = 43 }));

        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Simulate_ThreadCount_DoesNotChangeResult()
    {
        var options = new SyntheticOptions { Customers = 50_000 };
        var single = Fingerprint(TransactionSimulator.Simulate(options, maxParallelism: 1));
        var many = Fingerprint(TransactionSimulator.Simulate(options, maxParallelism: 7));

        Assert.Equal(single, many);
    }

    [Fact]
    public void Simulate_Customers_InIdOrderWithValidPurchases()
    {
        var expectedIndex = 0;
        foreach (var customer in TransactionSimulator.Simulate(Small))
        {
            Assert.Equal(expectedIndex++, customer.Index);
            Assert.InRange(customer.FirstPurchaseDay, 0, SyntheticCalendar.FirstPurchaseDays - 1);
            Assert.InRange(customer.SignupDay, customer.FirstPurchaseDay - SyntheticCalendar.SignupLeadMaxDays, customer.FirstPurchaseDay);
            Assert.InRange(customer.Region, 0, SyntheticAttributes.Regions.Count - 1);
            Assert.InRange(customer.Industry, 0, SyntheticAttributes.Industries.Count - 1);
            Assert.InRange(customer.DropoutProbability, 1e-12, 1.0);
            Assert.True(customer.PurchaseRate >= 0 && customer.SpendRate > 0);
            var previousDay = customer.FirstPurchaseDay;
            foreach (var purchase in customer.Purchases)
            {
                Assert.InRange(purchase.Day, previousDay, SyntheticCalendar.WindowDays - 1);
                Assert.True(purchase.AmountCents >= 1);
                Assert.InRange(purchase.Product, 0, SyntheticOptions.DefaultProducts - 1);
                previousDay = purchase.Day;
            }
        }

        Assert.Equal(TransactionSimulator.Plan(Small).Customers, expectedIndex);
    }

    [Fact]
    public void Simulate_Rows100k_WithinTwoPercentAndCloseToReferenceCustomers()
    {
        var customers = TransactionSimulator.Simulate(new SyntheticOptions { Rows = 100_000 }).ToList();

        Assert.Equal(29_888, customers.Count);
        Assert.InRange(customers.Sum(c => c.Purchases.Count), 98_000, 102_000);
    }

    [Fact]
    public void Simulate_MeanSpendPerTransaction_CloseToModel()
    {
        // E[z] = E[p / ν] = p·v / (q − 1) = 35.22 for the CDNOW defaults (ν is independent of the purchase count).
        var options = new SyntheticOptions { Rows = 200_000 };
        var model = options.P * options.V / (options.Q - 1);
        long cents = 0, rows = 0;
        foreach (var customer in TransactionSimulator.Simulate(options))
        {
            rows += customer.Purchases.Count;
            cents += customer.Purchases.Sum(p => p.AmountCents);
        }

        Assert.Equal(model, cents / 100.0 / rows, model * 0.03);
    }

    [Fact]
    public void Simulate_RepeatShare_CloseToModel()
    {
        // P(no repeat in T weeks) = (α / (α + T))^r: a customer can only drop out after a repeat purchase
        // (Fader, Hardie & Lee 2005, eq. 8 with x = 0 summed over the dropout path), averaged over first-purchase days.
        var options = new SyntheticOptions { Rows = 200_000 };
        var none = 0.0;
        for (var d0 = 0; d0 < SyntheticCalendar.FirstPurchaseDays; d0++)
        {
            none += Math.Pow(options.Alpha / (options.Alpha + ((SyntheticCalendar.WindowDays - d0) / 7.0)), options.R);
        }

        var model = 1 - (none / SyntheticCalendar.FirstPurchaseDays);
        var customers = TransactionSimulator.Simulate(options).ToList();
        var share = customers.Count(c => c.RepeatPurchases > 0) / (double)customers.Count;

        Assert.Equal(model, share, 0.01);
    }

    [Fact]
    public void Simulate_AliveShare_CloseToModel()
    {
        // Alive at T ⇔ none of the N ~ Poisson(λT) events was a dropout: E[(1 − p)^N] = E[e^(−λpT)] = E_p[(α/(α + pT))^r],
        // integrated over p ~ Beta(a, b) and averaged over first-purchase days.
        var options = new SyntheticOptions { Customers = 100_000 };
        var beta = new MathNet.Numerics.Distributions.Beta(options.A, options.B);
        var model = 0.0;
        for (var d0 = 0; d0 < SyntheticCalendar.FirstPurchaseDays; d0 += 1)
        {
            var t = (SyntheticCalendar.WindowDays - d0) / 7.0;
            model += MathNet.Numerics.Integration.DoubleExponentialTransformation.Integrate(
                p => beta.Density(p) * Math.Pow(options.Alpha / (options.Alpha + (p * t)), options.R), 0, 1, 1e-10);
        }

        model /= SyntheticCalendar.FirstPurchaseDays;
        var customers = TransactionSimulator.Simulate(options).ToList();
        var share = customers.Count(c => c.IsAliveAtAsOf) / (double)customers.Count;

        Assert.Equal(model, share, 0.01);
    }

    [Fact]
    public void Simulate_LatentMeans_CloseToPriors()
    {
        var options = new SyntheticOptions { Customers = 200_000 };
        var customers = TransactionSimulator.Simulate(options).ToList();

        Assert.Equal(options.R / options.Alpha, customers.Average(c => c.PurchaseRate), 0.003);
        Assert.Equal(options.A / (options.A + options.B), customers.Average(c => c.DropoutProbability), 0.003);
        Assert.Equal(options.Q / options.V, customers.Average(c => c.SpendRate), 0.003);
        Assert.Equal(SyntheticAttributes.RegionWeights[0], customers.Count(c => c.Region == 0) / (double)customers.Count, 0.005);
        Assert.Equal(SyntheticAttributes.IndustryWeights[0], customers.Count(c => c.Industry == 0) / (double)customers.Count, 0.005);
    }

    [Fact]
    public void Transactions_DateOrder_SortedStableAndNumbered()
    {
        var rows = TransactionSimulator.Transactions(TransactionSimulator.Simulate(Small), SyntheticOrder.Date).ToList();

        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(i + 1, rows[i].OrderId);
            if (i > 0)
            {
                Assert.True(rows[i - 1].Day < rows[i].Day
                    || (rows[i - 1].Day == rows[i].Day && rows[i - 1].Customer <= rows[i].Customer));
            }
        }
    }

    [Fact]
    public void Transactions_CustomerOrder_SameRowsAsDateOrder()
    {
        var byCustomer = TransactionSimulator.Transactions(TransactionSimulator.Simulate(Small), SyntheticOrder.Customer).ToList();
        var byDate = TransactionSimulator.Transactions(TransactionSimulator.Simulate(Small), SyntheticOrder.Date).ToList();

        Assert.Equal(Enumerable.Range(1, byCustomer.Count).Select(i => (long)i), byCustomer.Select(r => r.OrderId));
        Assert.True(byCustomer.Zip(byCustomer.Skip(1)).All(p => p.First.Customer <= p.Second.Customer));
        Assert.Equal(
            byCustomer.Select(r => (r.Customer, r.Day, r.AmountCents, r.Product)).Order(),
            byDate.Select(r => (r.Customer, r.Day, r.AmountCents, r.Product)).Order());
    }

    [Fact]
    public void Transactions_DateOrder_Lazy()
    {
        var consumed = 0;
        var customers = TransactionSimulator.Simulate(Small).Select(c => { consumed++; return c; });

        var rows = TransactionSimulator.Transactions(customers, SyntheticOrder.Date);

        Assert.Equal(0, consumed);
        Assert.Equal(1, rows.First().OrderId);
    }

    private static string Fingerprint(IEnumerable<SyntheticCustomer> customers)
    {
        var hash = new HashCode();
        var count = 0;
        foreach (var c in customers)
        {
            count++;
            hash.Add(c.PurchaseRate);
            hash.Add(c.DropoutProbability);
            hash.Add(c.SpendRate);
            hash.Add(c.IsAliveAtAsOf);
            hash.Add(c.Region);
            hash.Add(c.Industry);
            hash.Add(c.SignupDay);
            foreach (var p in c.Purchases)
            {
                hash.Add(p);
            }
        }

        return FormattableString.Invariant($"{count}:{hash.ToHashCode()}");
    }
}
