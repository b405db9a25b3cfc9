using MathNet.Numerics.LinearAlgebra;

namespace Segmenta.Core.Propensity;

/// <summary>
/// Spend of the customers who do buy, by ridge regression on ln(spend): u = ln y = β₀ + Σ βⱼ zⱼ + ε on standardised
/// inputs, fitted on the rows with y &gt; 0 only, and retransformed with Duan's smearing estimator:
/// E[y | x, y &gt; 0] = S · exp(β₀ + Σ βⱼ zⱼ) with S = mean(exp(ε̂ᵢ)) over the training residuals (Duan 1983, "Smearing
/// Estimate: A Nonparametric Retransformation Method", JASA 78(383), eq. (3.1)). The linear predictor is clamped
/// to its range on the training rows, so a customer beyond the training data is not extrapolated exponentially.
/// </summary>
/// <param name="Names">Feature names.</param>
/// <param name="Scaling">The standardisation of the training data.</param>
/// <param name="Intercept">β₀.</param>
/// <param name="Coefficients">βⱼ per standardised feature.</param>
/// <param name="Smearing">S, the mean of exp(residual).</param>
/// <param name="MinFitted">Lowest linear predictor on the training rows.</param>
/// <param name="MaxFitted">Highest linear predictor on the training rows.</param>
public sealed record LogLinearSpendModel(
    IReadOnlyList<string> Names, Standardizer Scaling, double Intercept, double[] Coefficients, double Smearing, double MinFitted, double MaxFitted)
    : IPropensityScorer
{
    /// <summary>Default ridge penalty per observation.</summary>
    public const double DefaultL2 = 1e-4;

    /// <summary>
    /// Solves (ZᵀZ/n + Λ) β = Zᵀu/n with Λ = diag(0, λ, …, λ) over the rows with positive spend (ridge regression,
    /// Hoerl &amp; Kennard 1970; the intercept is not penalised) by MathNet's Cholesky decomposition.
    /// </summary>
    /// <exception cref="ArgumentException">Rows and targets differ in number, or no row has positive spend.</exception>
    public static LogLinearSpendModel Fit(FeatureMatrix x, IReadOnlyList<double> spend, double l2 = DefaultL2)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(spend);
        if (x.Rows != spend.Count) throw new ArgumentException($"{x.Rows} rows but {spend.Count} targets.", nameof(spend));
        var buyers = Enumerable.Range(0, x.Rows).Where(i => spend[i] > 0).ToArray();
        if (buyers.Length == 0) throw new ArgumentException("No row has positive spend.", nameof(spend));
        var xb = x.Subset(buyers);
        var scaling = Standardizer.Of(xb);
        var n = buyers.Length;
        var p = x.Columns + 1;
        var a = Matrix<double>.Build.Dense(p, p);
        var b = Vector<double>.Build.Dense(p);
        var row = new double[p];
        row[0] = 1;
        for (var i = 0; i < n; i++)
        {
            scaling.Apply(xb.Row(i), row.AsSpan(1));
            var u = Math.Log(spend[buyers[i]]);
            for (var r = 0; r < p; r++)
            {
                b[r] += row[r] * u;
                for (var c = 0; c <= r; c++) a[r, c] += row[r] * row[c];
            }
        }
        for (var r = 0; r < p; r++)
        {
            for (var c = 0; c < r; c++) a[c, r] = a[r, c];
        }
        a = a.Divide(n);
        b = b.Divide(n);
        for (var r = 0; r < p; r++) a[r, r] += r == 0 ? 1e-12 : l2;
        var beta = a.Cholesky().Solve(b).ToArray();
        double smear = 0.0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            scaling.Apply(xb.Row(i), row.AsSpan(1));
            var fitted = beta[0] + LogisticModel.Dot(beta[1..], row.AsSpan(1));
            smear += Math.Exp(Math.Log(spend[buyers[i]]) - fitted);
            min = Math.Min(min, fitted);
            max = Math.Max(max, fitted);
        }
        return new LogLinearSpendModel(x.Names, scaling, beta[0], beta[1..], smear / n, min, max);
    }

    /// <summary>Expected spend of a buyer (&gt; 0) for every row.</summary>
    public double[] Score(FeatureMatrix features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var result = new double[features.Rows];
        Span<double> z = stackalloc double[features.Columns];
        for (var i = 0; i < features.Rows; i++)
        {
            Scaling.Apply(features.Row(i), z);
            var u = Math.Clamp(Intercept + LogisticModel.Dot(Coefficients, z), MinFitted, MaxFitted);
            result[i] = Smearing * Math.Exp(u);
        }
        return result;
    }
}
