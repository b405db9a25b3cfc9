using Segmenta.Core.Clv;
using Segmenta.Core.Clv.Internal;

namespace Segmenta.Core.Tests.Clv;

public class ParetoNbdTests
{
    private static readonly Lazy<HistoryCells> Cdnow = new(() => HistoryCells.Compress(ReferenceData.CdnowSummary()));

    [Fact]
    public void Fit_CdnowSummary_ReproducesPublishedParameters()
    {
        var model = ParetoNbd.Fit(Cdnow.Value);

        Assert.True(ReferenceData.Rel(model.R, 0.553) < 0.005, $"r = {model.R}");
        Assert.True(ReferenceData.Rel(model.Alpha, 10.578) < 0.005, $"alpha = {model.Alpha}");
        Assert.True(ReferenceData.Rel(model.S, 0.606) < 0.005, $"s = {model.S}");
        Assert.True(ReferenceData.Rel(model.Beta, 11.669) < 0.005, $"beta = {model.Beta}");
        Assert.Equal(-9595.0, model.Fit!.LogLikelihood, 0.1);
        Assert.True(model.Fit.Converged);
    }

    [Fact]
    public void LogLikelihood_PublishedPoint_MatchesPaper() =>
        Assert.Equal(-9595.0, ParetoNbd.LogLikelihood(Cdnow.Value, 0.553, 10.578, 0.606, 11.669), 0.5);

    [Fact]
    public void LogLikelihood_AlphaBelowAndAboveBeta_BothBranchesAgreeAtEquality()
    {
        // Continuity across the α = β switch of the two ₂F₁ branches.
        var cells = HistoryCells.Compress([new CustomerHistory(3, 20, 35)]);
        var below = ParetoNbd.LogLikelihood(cells, 0.6, 10 - 1e-7, 0.7, 10);
        var above = ParetoNbd.LogLikelihood(cells, 0.6, 10 + 1e-7, 0.7, 10);
        Assert.Equal(below, above, 6);
    }

    [Fact]
    public void LogLikelihood_NonRepeaterAtAgeZero_IsZero()
    {
        // x = 0, T = 0: L = Γ(r)α^r β^s/Γ(r) · 1/(α^r β^s) = 1.
        Assert.Equal(0, ParetoNbd.LogLikelihood(HistoryCells.Compress([new CustomerHistory(0, 0, 0)]), 0.5, 3, 0.7, 4), 12);
    }

    [Fact]
    public void Gradient_FiniteDifferenceWrapper_MatchesDirectDifferences()
    {
        double[] p = [0.6, 9.0, 0.7, 12.0];
        var g = new double[4];
        FiniteDifference.Central(q => ParetoNbdLikelihood.Evaluate(Cdnow.Value, q))(p, g);
        var numeric = ReferenceData.NumericGradient(q => ParetoNbdLikelihood.Evaluate(Cdnow.Value, q), p);
        for (var i = 0; i < 4; i++) Assert.True(ReferenceData.Rel(g[i], numeric[i]) < 1e-4, $"{i}: {g[i]} vs {numeric[i]}");
    }

    [Fact]
    public void Predictions_Boundaries_AreConsistent()
    {
        var model = new ParetoNbdModel(0.553, 10.578, 0.606, 11.669);
        Assert.Equal(1.0, model.ProbabilityAlive(4, 30, 30), 12);              // tₓ = T
        Assert.True(model.ProbabilityAlive(4, 5, 30) < model.ProbabilityAlive(4, 25, 30));
        Assert.Equal(0, model.ExpectedPurchases(0, 2, 10, 30));
        // New customer: population formula rβ/(α(s−1))[1 − (β/(β+t))^(s−1)].
        var t = 39.0;
        var expected = 0.553 * 11.669 / (10.578 * (0.606 - 1)) * (1 - Math.Pow(11.669 / (11.669 + t), 0.606 - 1));
        Assert.Equal(expected, model.ExpectedPurchases(t), 10);
    }
}
