using Segmenta.Core.Propensity;

namespace Segmenta.Core.Tests.Propensity;

public class LogisticRegressionTests
{
    // Space Shuttle O-ring data (23 launches before Challenger): launch temperature (°F) and whether any O-ring was
    // damaged. Dalal, Fowlkes & Hoadley (1989), JASA 84(408). The published binary logistic fit is
    // logit P = 15.0429 − 0.232163 · temperature (s.e. 7.3786 and 0.1082), e.g. Faraway (2006), Extending the
    // Linear Model with R, §2.1; R glm(damage > 0 ~ temp, binomial) gives the same.
    private static readonly double[] Temperature = [66, 70, 69, 68, 67, 72, 73, 70, 57, 63, 70, 78, 67, 53, 67, 75, 70, 81, 76, 79, 75, 76, 58];
    private static readonly bool[] Damage = [.. new[] { 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1 }.Select(v => v == 1)];

    [Fact]
    public void Fit_ChallengerORings_MatchesPublishedEstimates()
    {
        var model = LogisticRegression.Fit(new FeatureMatrix(["temperature"], Temperature), Damage, new LogisticOptions { L2 = 0 });
        var (intercept, slopes) = model.Unstandardised();

        Assert.True(model.Converged);
        Assert.Equal(15.0429, intercept, 3);
        Assert.Equal(-0.232163, slopes[0], 5);
        // ℓ at the MLE: residual deviance 20.315 = −2ℓ.
        Assert.Equal(-20.315 / 2, model.LogLikelihood, 2);
    }

    [Fact]
    public void Fit_BinaryCovariate_ClosedFormLogOdds()
    {
        // With one 0/1 covariate the MLE is closed form: β₀ = logit P(y | x = 0), β₁ = logit P(y | x = 1) − β₀.
        // x = 0: 3 of 10 positive; x = 1: 6 of 8 positive.
        var x = new List<double>();
        var y = new List<bool>();
        for (var i = 0; i < 10; i++) { x.Add(0); y.Add(i < 3); }
        for (var i = 0; i < 8; i++) { x.Add(1); y.Add(i < 6); }
        var model = LogisticRegression.Fit(new FeatureMatrix(["x"], [.. x]), y, new LogisticOptions { L2 = 0 });
        var (intercept, slopes) = model.Unstandardised();

        Assert.Equal(Math.Log(0.3 / 0.7), intercept, 8);
        Assert.Equal(Math.Log(0.75 / 0.25) - Math.Log(0.3 / 0.7), slopes[0], 8);
        var p = model.Score(new FeatureMatrix(["x"], [0, 1]));
        Assert.Equal(0.3, p[0], 8);
        Assert.Equal(0.75, p[1], 8);
    }

    [Fact]
    public void Fit_WithPenalty_ScoreEquationHolds()
    {
        // At the penalised optimum Σ zᵢⱼ (yᵢ − pᵢ)/n = λ βⱼ for every standardised slope, and Σ (yᵢ − pᵢ) = 0.
        const double l2 = 0.05;
        var model = LogisticRegression.Fit(new FeatureMatrix(["temperature"], Temperature), Damage, new LogisticOptions { L2 = l2 });
        var p = model.Score(new FeatureMatrix(["temperature"], Temperature));
        double residual = 0, gradient = 0;
        for (var i = 0; i < Temperature.Length; i++)
        {
            var r = (Damage[i] ? 1 : 0) - p[i];
            residual += r;
            gradient += r * (Temperature[i] - model.Scaling.Means[0]) / model.Scaling.Scales[0];
        }
        Assert.Equal(0, residual, 8);
        Assert.Equal(l2 * model.Coefficients[0], gradient / Temperature.Length, 8);
        Assert.True(Math.Abs(model.Coefficients[0]) < Math.Abs(LogisticRegression.Fit(new FeatureMatrix(["temperature"], Temperature), Damage, new LogisticOptions { L2 = 0 }).Coefficients[0]));
    }

    [Fact]
    public void Fit_SeparableData_StaysFinite()
    {
        var model = LogisticRegression.Fit(new FeatureMatrix(["x"], [1, 2, 3, 4, 5, 6]), [false, false, false, true, true, true]);

        Assert.True(double.IsFinite(model.Intercept) && double.IsFinite(model.Coefficients[0]));
        Assert.True(model.Score(new FeatureMatrix(["x"], [6]))[0] > 0.9);
    }
}
