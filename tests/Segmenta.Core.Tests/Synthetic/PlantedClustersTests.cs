using Segmenta.Core.Synthetic;

namespace Segmenta.Core.Tests.Synthetic;

public class PlantedClustersTests
{
    [Fact]
    public void Simulate_PlantedClusters_EveryGroupPresentAndReproducible()
    {
        var options = new SyntheticOptions { Customers = 3000, Clusters = 5, Seed = 9 };

        var first = TransactionSimulator.Simulate(options).ToList();
        var again = TransactionSimulator.Simulate(options).ToList();

        Assert.Equal(first.Select(c => (c.Cluster, c.Purchases.Count, c.Purchases[^1].AmountCents)), again.Select(c => (c.Cluster, c.Purchases.Count, c.Purchases[^1].AmountCents)));
        Assert.Equal(5, first.Select(c => c.Cluster).Distinct().Count());
        Assert.All(first, c => Assert.InRange(c.Cluster, 0, 4));
        // The groups behave as planted: champions buy far more often than one-off lapsed customers, and new customers start late.
        double MeanOrders(int k) => first.Where(c => c.Cluster == k).Average(c => c.Purchases.Count);
        Assert.True(MeanOrders(0) > 10 * MeanOrders(1));
        Assert.All(first.Where(c => c.Cluster == 3), c => Assert.True(c.FirstPurchaseDay >= 1000));
        Assert.All(first.Where(c => c.Cluster == 1), c => Assert.True(c.Purchases[^1].Day <= 700));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void Validate_ClustersOutOfRange_Listed(int k)
    {
        var problems = new SyntheticOptions { Customers = 10, Clusters = k }.Validate();
        Assert.Contains(problems, p => p.Contains("--clusters", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ClustersWithRows_AsksForCustomers()
    {
        var problems = new SyntheticOptions { Rows = 1000, Clusters = 3 }.Validate();
        Assert.Contains(problems, p => p.Contains("--customers", StringComparison.Ordinal));
    }
}
