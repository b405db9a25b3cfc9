using Segmenta.Core.Clv;

namespace Segmenta.Core.Tests.Clv;

public class ShiftedBetaGeometricTests
{
    private static double[] Survivors(bool highEnd) =>
        [.. ReferenceData.Retention().Where(r => r.Year <= 7).Select(r => (highEnd ? r.HighEnd : r.Regular) * 10)];

    [Theory]
    [InlineData(false, 0.704, 1.182)]
    [InlineData(true, 0.668, 3.806)]
    public void Fit_FaderHardie2007Cohorts_ReproducesPublishedParameters(bool highEnd, double alpha, double beta)
    {
        var model = ShiftedBetaGeometric.Fit(Survivors(highEnd));
        Assert.True(ReferenceData.Rel(model.Alpha, alpha) < 0.005, $"alpha = {model.Alpha}");
        Assert.True(ReferenceData.Rel(model.Beta, beta) < 0.005, $"beta = {model.Beta}");
        Assert.True(model.Fit!.Converged);
    }

    [Fact]
    public void LogLikelihood_OnePeriod_EqualsHandComputation()
    {
        // 10 customers, 4 churn in period 1, α=1, β=3: P(T=1) = 1/4, S(1) = 3/4.
        Assert.Equal(4 * Math.Log(0.25) + 6 * Math.Log(0.75), ShiftedBetaGeometric.LogLikelihood([10, 6], 1, 3), 12);
    }

    [Fact]
    public void Gradient_Regular_MatchesFiniteDifferences()
    {
        var s = Survivors(false);
        double[] p = [0.9, 1.5];
        var g = new double[2];
        ShiftedBetaGeometric.Evaluate(s, p, g);
        var numeric = ReferenceData.NumericGradient(q => ShiftedBetaGeometric.Evaluate(s, q, new double[2]), p);
        for (var i = 0; i < 2; i++) Assert.True(ReferenceData.Rel(g[i], numeric[i]) < 1e-5, $"{i}: {g[i]} vs {numeric[i]}");
    }

    [Fact]
    public void Model_SurvivalAndRetention_AreConsistent()
    {
        var m = new ShiftedBetaGeometricModel(0.704, 1.182);
        Assert.Equal(1, m.Survival(0), 12);
        Assert.Equal(m.Survival(3) / m.Survival(2), m.RetentionRate(3), 12);
        Assert.Equal(m.Survival(2) - m.Survival(3), m.ChurnProbability(3), 12);
    }

    [Fact]
    public void Fit_IncreasingCounts_ThrowsInputException() =>
        Assert.Throws<SegmentaInputException>(() => ShiftedBetaGeometric.Fit([100, 80, 90]));
}
