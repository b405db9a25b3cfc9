using Segmenta.Core.Campaigns;

namespace Segmenta.Core.Tests.Campaigns;

public sealed class WelchIntervalTests
{
    // R's sleep data (Cushny & Peebles 1905): t.test(extra ~ group, data = sleep) prints
    // t = -1.8608, df = 17.776, 95 percent confidence interval -3.3654832 0.2054832, means 0.75 and 2.33.
    private static readonly double[] Group1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    private static readonly double[] Group2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

    [Fact]
    public void Compute_SleepData_MatchesRWelchTTest()
    {
        var w = WelchInterval.Compute(Group1, Group2);
        Assert.Equal(0.75, w.TreatedMean, 10);
        Assert.Equal(2.33, w.ControlMean, 10);
        Assert.Equal(-1.58, w.Difference, 10);
        Assert.Equal(17.776, w.DegreesOfFreedom, 3);
        Assert.Equal(-3.3654832, w.Low, 6);
        Assert.Equal(0.2054832, w.High, 6);
        Assert.True(w.Covers(0));
    }

    [Fact]
    public void Compute_Lift_IsRatioMinusOneWithDeltaMethodInterval()
    {
        double[] t = [2, 4, 6, 8];
        double[] c = [1, 2, 3, 4];
        var w = WelchInterval.Compute(t, c);
        Assert.Equal(1.0, w.Lift!.Value, 12);   // 5 / 2.5 − 1
        // Var(log ratio) = s₁²/(n₁x̄₁²) + s₂²/(n₂x̄₂²) = (20/3)/(4·25) + (5/3)/(4·6.25) = 2/15; t(0.975; ν) from the Welch df.
        var seLog = Math.Sqrt(2.0 / 15);
        var q = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, w.DegreesOfFreedom, 0.975);
        Assert.Equal((2 * Math.Exp(-q * seLog)) - 1, w.LiftLow!.Value, 10);
        Assert.Equal((2 * Math.Exp(q * seLog)) - 1, w.LiftHigh!.Value, 10);
    }

    [Fact]
    public void Compute_FewerThanTwoPerGroup_Throws() =>
        Assert.Throws<ArgumentException>(() => WelchInterval.Compute([1.0], [1.0, 2.0]));
}
