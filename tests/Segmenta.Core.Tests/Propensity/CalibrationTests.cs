using Segmenta.Core.Propensity;

namespace Segmenta.Core.Tests.Propensity;

public class CalibrationTests
{
    [Fact]
    public void Table_TenRowsFiveBins_PairsInOrder()
    {
        double[] p = [0.9, 0.1, 0.8, 0.2, 0.7, 0.3, 0.6, 0.4, 0.5, 0.55];
        bool[] y = [true, false, true, false, false, false, true, true, false, true];
        var table = Calibration.Table(p, y, bins: 5);

        Assert.Equal(5, table.Count);
        Assert.All(table, b => Assert.Equal(2, b.Customers));
        // Sorted: 0.1 F, 0.2 F | 0.3 F, 0.4 T | 0.5 F, 0.55 T | 0.6 T, 0.7 F | 0.8 T, 0.9 T
        Assert.Equal([0.15, 0.35, 0.525, 0.65, 0.85], table.Select(b => Math.Round(b.MeanPredicted, 10)));
        Assert.Equal([0.0, 0.5, 0.5, 0.5, 1.0], table.Select(b => b.ObservedRate));
        Assert.Equal(0.5, table[2].MinPredicted);
        Assert.Equal(0.55, table[2].MaxPredicted);
    }

    [Fact]
    public void Brier_HandComputed()
    {
        // (0.8−1)² + (0.3−0)² + (0.5−1)² = 0.04 + 0.09 + 0.25 = 0.38 → mean 0.126667.
        Assert.Equal(0.38 / 3, Calibration.Brier([0.8, 0.3, 0.5], [true, false, true]), 12);
    }
}
