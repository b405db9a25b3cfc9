using MathNet.Numerics;

namespace Segmenta.Core.Clv;

/// <summary>
/// A shifted-beta-geometric retention model: each customer churns at the end of a period with probability θ ~ Beta(α, β)
/// (Fader &amp; Hardie 2007, "How to Project Customer Retention").
/// </summary>
/// <param name="Alpha">First shape of the churn-probability beta distribution (α), &gt; 0.</param>
/// <param name="Beta">Second shape of the churn-probability beta distribution (β), &gt; 0.</param>
public sealed record ShiftedBetaGeometricModel(double Alpha, double Beta)
{
    /// <summary>The fit that produced the model (null when the parameters were given directly).</summary>
    public ModelFit? Fit { get; init; }

    /// <summary>S(t) = B(α, β+t)/B(α, β): share of the cohort still active after t periods. Fader &amp; Hardie (2007), eq. (3).</summary>
    public double Survival(double t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        return Math.Exp(SpecialFunctions.BetaLn(Alpha, Beta + t) - SpecialFunctions.BetaLn(Alpha, Beta));
    }

    /// <summary>P(T = t) = B(α+1, β+t−1)/B(α, β), t = 1, 2, …: probability of churning in period t. Fader &amp; Hardie (2007), eq. (2).</summary>
    public double ChurnProbability(int t)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(t);
        return Math.Exp(SpecialFunctions.BetaLn(Alpha + 1, Beta + t - 1) - SpecialFunctions.BetaLn(Alpha, Beta));
    }

    /// <summary>r(t) = S(t)/S(t−1) = (β+t−1)/(α+β+t−1): retention rate in period t ≥ 1. Fader &amp; Hardie (2007), eq. (4).</summary>
    public double RetentionRate(int t)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(t);
        return (Beta + t - 1) / (Alpha + Beta + t - 1);
    }
}
