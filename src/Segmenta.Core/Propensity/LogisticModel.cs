namespace Segmenta.Core.Propensity;

/// <summary>
/// A fitted logistic regression P(y = 1 | x) = 1 / (1 + exp(−(β₀ + Σ βⱼ zⱼ))) on standardised inputs zⱼ = (xⱼ − meanⱼ) / sdⱼ,
/// so |βⱼ| compares the features (the standardised coefficient).
/// </summary>
/// <param name="Names">Feature names.</param>
/// <param name="Scaling">The standardisation of the training data.</param>
/// <param name="Intercept">β₀.</param>
/// <param name="Coefficients">βⱼ per standardised feature.</param>
/// <param name="LogLikelihood">Log-likelihood ℓ(β) at the estimate (without the penalty).</param>
/// <param name="Iterations">Newton iterations used.</param>
/// <param name="Converged">Whether the iterations met the tolerance.</param>
public sealed record LogisticModel(
    IReadOnlyList<string> Names, Standardizer Scaling, double Intercept, double[] Coefficients,
    double LogLikelihood, int Iterations, bool Converged) : IPropensityScorer
{
    /// <summary>The intercept and slopes on the original (unstandardised) scale: β₀ − Σ βⱼ meanⱼ/sdⱼ and βⱼ/sdⱼ.</summary>
    public (double Intercept, double[] Slopes) Unstandardised()
    {
        var slopes = new double[Coefficients.Length];
        var intercept = Intercept;
        for (var j = 0; j < slopes.Length; j++)
        {
            slopes[j] = Coefficients[j] / Scaling.Scales[j];
            intercept -= slopes[j] * Scaling.Means[j];
        }
        return (intercept, slopes);
    }

    /// <summary>P(y = 1) for every row.</summary>
    public double[] Score(FeatureMatrix features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var result = new double[features.Rows];
        Span<double> z = stackalloc double[features.Columns];
        for (var i = 0; i < features.Rows; i++)
        {
            Scaling.Apply(features.Row(i), z);
            result[i] = LogisticRegression.Sigmoid(Intercept + Dot(Coefficients, z));
        }
        return result;
    }

    internal static double Dot(double[] beta, ReadOnlySpan<double> z)
    {
        var s = 0.0;
        for (var j = 0; j < beta.Length; j++) s += beta[j] * z[j];
        return s;
    }
}
