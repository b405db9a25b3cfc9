using Segmenta.Core.Clv;
using Segmenta.Core.Clv.Internal;

namespace Segmenta.Core.Tests.Clv;

public class MbgNbdTests
{
    private static readonly Lazy<HistoryCells> Cdnow = new(() => HistoryCells.Compress(ReferenceData.CdnowSummary()));

    [Fact]
    public void Fit_CdnowSummary_ReproducesBtydPlusParameters()
    {
        var model = MbgNbd.Fit(Cdnow.Value);

        Assert.True(ReferenceData.Rel(model.R, 0.525) < 0.005, $"r = {model.R}");
        Assert.True(ReferenceData.Rel(model.Alpha, 6.183) < 0.005, $"alpha = {model.Alpha}");
        Assert.True(ReferenceData.Rel(model.A, 0.891) < 0.005, $"a = {model.A}");
        Assert.True(ReferenceData.Rel(model.B, 1.614) < 0.005, $"b = {model.B}");
        Assert.True(model.Fit!.Converged);
    }

    [Fact]
    public void LogLikelihood_SingleNewCustomer_EqualsClosedForm()
    {
        // x = 0, tₓ = 0, T = 0: L = B(a,b+1)/B(a,b) · (1 + a/b) = b/(a+b) · (a+b)/b = 1.
        Assert.Equal(0, MbgNbd.LogLikelihood(HistoryCells.Compress([new CustomerHistory(0, 0, 0)]), 0.5, 2, 1.5, 3), 12);
    }

    [Fact]
    public void Gradient_Cdnow_MatchesFiniteDifferences()
    {
        double[] p = [0.4, 3.0, 1.2, 2.0];
        var g = new double[4];
        MbgNbdLikelihood.Evaluate(Cdnow.Value, p, g);
        var numeric = ReferenceData.NumericGradient(q => MbgNbdLikelihood.Evaluate(Cdnow.Value, q, new double[4]), p);
        for (var i = 0; i < 4; i++) Assert.True(ReferenceData.Rel(g[i], numeric[i]) < 1e-5, $"{i}: {g[i]} vs {numeric[i]}");
    }

    [Fact]
    public void Predictions_Boundaries_AreConsistent()
    {
        var model = new MbgNbdModel(0.525, 6.183, 0.891, 1.614);
        Assert.Equal(1.614 / (0.891 + 1.614), model.ProbabilityAlive(0, 0, 0), 12);
        Assert.True(model.ProbabilityAlive(0, 0, 30) < model.ProbabilityAlive(0, 0, 0));
        Assert.Equal(model.ExpectedPurchases(39), model.ExpectedPurchases(39, 0, 0, 0), 12);
        Assert.True(model.ExpectedPurchases(39, 5, 38, 38) > model.ExpectedPurchases(39, 5, 10, 38));
    }
}
