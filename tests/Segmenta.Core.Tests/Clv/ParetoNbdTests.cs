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

    [Theory]
    [InlineData(0.6, 9.0, 0.7, 12.0)]        // α < β (p = r + x branch)
    [InlineData(0.553, 10.578, 0.606, 11.669)] // the published optimum
    [InlineData(1.3, 15.0, 0.4, 5.0)]       // α > β (p = s + 1 branch)
    [InlineData(0.8, 7.0, 1.6, 7.0 + 1e-9)] // α ≈ β (z ≈ 0)
    [InlineData(2.5, 3.0, 0.3, 40.0)]       // z up to 0.93
    [InlineData(0.5, 400.0, 0.6, 2.0)]      // z > 0.99 at tₓ = 0: the finite-difference fallback
    public void Gradient_Cdnow_MatchesCentralDifferences(double r, double alpha, double s, double beta)
    {
        double[] p = [r, alpha, s, beta];
        var g = new double[4];
        var ll = ParetoNbdGradient.Evaluate(Cdnow.Value, p, g);
        var numeric = ReferenceData.NumericGradient(q => ParetoNbdLikelihood.Evaluate(Cdnow.Value, q), p);

        Assert.Equal(ParetoNbdLikelihood.Evaluate(Cdnow.Value, p), ll, 1e-9 * Math.Abs(ll));
        for (var i = 0; i < 4; i++)
            Assert.True(Math.Abs(g[i] - numeric[i]) <= 1e-5 * Math.Max(1, Math.Abs(numeric[i])), $"{i}: {g[i]} vs {numeric[i]}");
    }

    [Fact]
    public void Gradient_HeavyBuyersAndShortGaps_MatchesCentralDifferences()
    {
        // Large x (p = r + x up to 80), tₓ close to T, and x = 0 at several ages.
        var cells = HistoryCells.Compress([
            new CustomerHistory(80, 51.9, 52), new CustomerHistory(40, 10, 60), new CustomerHistory(0, 0, 3),
            new CustomerHistory(0, 0, 70), new CustomerHistory(3, 0.2, 0.5), new CustomerHistory(12, 30, 30)]);
        foreach (double[] p in new[] { new[] { 0.9, 4.0, 0.5, 30.0 }, [2.0, 30.0, 1.2, 3.0] })
        {
            var g = new double[4];
            ParetoNbdGradient.Evaluate(cells, p, g);
            var numeric = ReferenceData.NumericGradient(q => ParetoNbdLikelihood.Evaluate(cells, q), p);
            for (var i = 0; i < 4; i++)
                Assert.True(Math.Abs(g[i] - numeric[i]) <= 1e-5 * Math.Max(1, Math.Abs(numeric[i])), $"{i}: {g[i]} vs {numeric[i]}");
        }
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
