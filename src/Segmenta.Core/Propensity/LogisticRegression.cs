using MathNet.Numerics.LinearAlgebra;

namespace Segmenta.Core.Propensity;

/// <summary>Binary logistic regression fitted by iteratively reweighted least squares (Newton–Raphson) with an optional L2 penalty.</summary>
public static class LogisticRegression
{
    /// <summary>
    /// Fits β by Newton–Raphson on the penalised log-likelihood ℓ(β)/n − (λ/2)‖β‖²:
    /// β ← β + (ZᵀWZ/n + Λ)⁻¹ (Zᵀ(y − p)/n − Λβ), with p = σ(Zβ), W = diag(p(1 − p)) and Λ = diag(0, λ, …, λ)
    /// (the intercept is not penalised). Without the penalty this is IRLS, Hastie, Tibshirani &amp; Friedman (2009),
    /// The Elements of Statistical Learning, 2nd ed., §4.4.1, eqs. (4.21)–(4.28); the L2 term is the ridge penalty of
    /// §4.4.4 in its quadratic form. A step that lowers the penalised likelihood is halved (up to 30 times).
    /// The k × k system is solved by MathNet's Cholesky decomposition.
    /// </summary>
    /// <param name="x">Inputs (standardised inside).</param>
    /// <param name="y">Labels (true = 1).</param>
    /// <param name="options">Penalty and stopping rule.</param>
    /// <exception cref="ArgumentException">Rows and labels differ in number, or there are no rows.</exception>
    public static LogisticModel Fit(FeatureMatrix x, IReadOnlyList<bool> y, LogisticOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        options ??= new LogisticOptions();
        if (x.Rows != y.Count) throw new ArgumentException($"{x.Rows} rows but {y.Count} labels.", nameof(y));
        if (x.Rows == 0) throw new ArgumentException("Logistic regression needs at least one row.", nameof(x));
        var scaling = Standardizer.Of(x);
        var n = x.Rows;
        var p = x.Columns + 1;
        var z = new double[checked(n * p)];
        for (var i = 0; i < n; i++)
        {
            z[i * p] = 1;
            scaling.Apply(x.Row(i), z.AsSpan((i * p) + 1, p - 1));
        }
        var positives = y.Count(v => v);
        var beta = new double[p];
        // Start at the intercept-only estimate (log odds of the base rate), clamped for all-one or all-zero labels.
        var rate = Math.Clamp((positives + 0.5) / (n + 1.0), 1e-6, 1 - 1e-6);
        beta[0] = Math.Log(rate / (1 - rate));
        var objective = Penalised(z, y, beta, options.L2, n, p);
        var converged = false;
        var iterations = 0;
        while (iterations < options.MaxIterations && !converged)
        {
            iterations++;
            var (hessian, gradient) = NewtonSystem(z, y, beta, options.L2, n, p);
            var step = hessian.Cholesky().Solve(gradient);
            var scale = 1.0;
            double[] next;
            double nextObjective;
            var halvings = 0;
            while (true)
            {
                next = [.. beta.Select((b, j) => b + (scale * step[j]))];
                nextObjective = Penalised(z, y, next, options.L2, n, p);
                if (nextObjective >= objective - 1e-15 || halvings++ >= 30) break;
                scale /= 2;
            }
            var moved = 0.0;
            for (var j = 0; j < p; j++) moved = Math.Max(moved, Math.Abs(next[j] - beta[j]));
            beta = next;
            objective = nextObjective;
            converged = moved < options.Tolerance;
        }
        var logLik = LogLikelihood(z, y, beta, n, p);
        return new LogisticModel(x.Names, scaling, beta[0], beta[1..], logLik, iterations, converged);
    }

    /// <summary>The logistic function 1 / (1 + e^(−t)), computed without overflow.</summary>
    public static double Sigmoid(double t) => t >= 0 ? 1 / (1 + Math.Exp(-t)) : Math.Exp(t) / (1 + Math.Exp(t));

    private static (Matrix<double> Hessian, Vector<double> Gradient) NewtonSystem(double[] z, IReadOnlyList<bool> y, double[] beta, double l2, int n, int p)
    {
        var h = new double[p * p];
        var g = new double[p];
        for (var i = 0; i < n; i++)
        {
            var row = z.AsSpan(i * p, p);
            var mu = Sigmoid(LogisticModel.Dot(beta, row));
            var w = mu * (1 - mu);
            var r = (y[i] ? 1 : 0) - mu;
            for (var a = 0; a < p; a++)
            {
                g[a] += row[a] * r;
                var wa = w * row[a];
                for (var b = 0; b <= a; b++) h[(a * p) + b] += wa * row[b];
            }
        }
        var hessian = Matrix<double>.Build.Dense(p, p);
        for (var a = 0; a < p; a++)
        {
            for (var b = 0; b <= a; b++)
            {
                var v = h[(a * p) + b] / n;
                hessian[a, b] = v;
                hessian[b, a] = v;
            }
            // A tiny ridge keeps the system positive definite when a column is constant or the data are separable.
            hessian[a, a] += (a == 0 ? 0 : l2) + 1e-12;
        }
        var gradient = Vector<double>.Build.Dense(p);
        for (var a = 0; a < p; a++) gradient[a] = (g[a] / n) - (a == 0 ? 0 : l2 * beta[a]);
        return (hessian, gradient);
    }

    private static double Penalised(double[] z, IReadOnlyList<bool> y, double[] beta, double l2, int n, int p)
    {
        var penalty = 0.0;
        for (var j = 1; j < p; j++) penalty += beta[j] * beta[j];
        return (LogLikelihood(z, y, beta, n, p) / n) - (0.5 * l2 * penalty);
    }

    private static double LogLikelihood(double[] z, IReadOnlyList<bool> y, double[] beta, int n, int p)
    {
        // ℓ = Σ yᵢηᵢ − log(1 + e^ηᵢ), with log(1 + e^η) computed as a softplus that cannot overflow.
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            var eta = LogisticModel.Dot(beta, z.AsSpan(i * p, p));
            var softplus = eta > 0 ? eta + Math.Log(1 + Math.Exp(-eta)) : Math.Log(1 + Math.Exp(eta));
            sum += (y[i] ? eta : 0) - softplus;
        }
        return sum;
    }
}
