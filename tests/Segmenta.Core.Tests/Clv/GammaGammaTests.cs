using Segmenta.Core.Clv;
using Segmenta.Core.Clv.Internal;

namespace Segmenta.Core.Tests.Clv;

public class GammaGammaTests
{
    private static readonly Lazy<SpendHistory[]> Spend = new(CdnowSpend.RepeatBuyers);

    [Fact]
    public void Fit_CdnowCalibrationRepeatBuyers_ReproducesPublishedParameters()
    {
        Assert.Equal(946, Spend.Value.Length);
        var model = GammaGamma.Fit(Spend.Value);

        Assert.True(ReferenceData.Rel(model.P, 6.25) < 0.005, $"p = {model.P}");
        Assert.True(ReferenceData.Rel(model.Q, 3.74) < 0.005, $"q = {model.Q}");
        Assert.True(ReferenceData.Rel(model.V, 15.44) < 0.005, $"v = {model.V}");
        Assert.True(model.Fit!.Converged);
        Assert.Equal(946, model.Fit.NumberOfCustomers);
    }

    [Fact]
    public void LogLikelihood_SingleCustomer_EqualsHandComputation() =>
        // x=1, m̄=10, p=q=γ=1: ln f = lnΓ(2) − 2 lnΓ(1) + 0 + 0 + 0 − 2 ln(1 + 10).
        Assert.Equal(-2 * Math.Log(11), GammaGamma.LogLikelihood([new SpendHistory(1, 10)], 1, 1, 1), 12);

    [Fact]
    public void Gradient_Cdnow_MatchesFiniteDifferences()
    {
        var (x, m, w, _) = GammaGamma.Compress(Spend.Value);
        var ll = new GammaGammaLikelihood(x, m, w);
        double[] p = [3.0, 2.5, 20.0];
        var g = new double[3];
        ll.Evaluate(p, g);
        var numeric = ReferenceData.NumericGradient(q => ll.Evaluate(q, new double[3]), p);
        for (var i = 0; i < 3; i++) Assert.True(ReferenceData.Rel(g[i], numeric[i]) < 1e-5, $"{i}: {g[i]} vs {numeric[i]}");
    }

    [Fact]
    public void ExpectedSpend_ShrinksTowardsPopulationMean()
    {
        var model = new GammaGammaModel(6.25, 3.74, 15.44);
        var population = 6.25 * 15.44 / 2.74;
        Assert.Equal(population, model.ExpectedSpend(), 12);
        Assert.Equal(population, model.ExpectedSpend(0, 0), 12);
        var one = model.ExpectedSpend(1, 100);
        var many = model.ExpectedSpend(20, 100);
        Assert.InRange(one, population, 100);
        Assert.True(many > one && many < 100);
    }

    [Fact]
    public void Fit_NoRows_ThrowsInputException() =>
        Assert.Throws<SegmentaInputException>(() => GammaGamma.Fit([]));

    [Fact]
    public void Fit_ZeroFrequencyRow_ThrowsInputException() =>
        Assert.Throws<SegmentaInputException>(() => GammaGamma.Fit([new SpendHistory(0, 10)]));
}
