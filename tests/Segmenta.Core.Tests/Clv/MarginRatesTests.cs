using Segmenta.Core.Clv;

namespace Segmenta.Core.Tests.Clv;

public class MarginRatesTests
{
    [Fact]
    public void Observed_MixedCustomers_OwnRateOrPopulationRate()
    {
        // Customers: 100 revenue / 40 margin, 50 / 5, no cost, zero revenue with cost.
        var rates = MarginRates.Observed([100, 50, 80, 0], [40, 5, double.NaN, -3])!;
        var population = 45.0 / 150.0;
        Assert.Equal(0.4, rates[0], 12);
        Assert.Equal(0.1, rates[1], 12);
        Assert.Equal(population, rates[2], 12);
        Assert.Equal(population, rates[3], 12);
    }

    [Fact]
    public void Observed_NoCostRecorded_ReturnsNull() =>
        Assert.Null(MarginRates.Observed([10, 20], [double.NaN, double.NaN]));

    [Fact]
    public void Observed_LengthMismatch_Throws() =>
        Assert.Throws<ArgumentException>(() => MarginRates.Observed([1, 2], [1]));
}
