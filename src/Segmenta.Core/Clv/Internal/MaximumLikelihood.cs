using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Segmenta.Core.Clv.Internal;

/// <summary>
/// Maximises a log-likelihood with Math.NET's BFGS on θ = ln p for the positive parameters (the first
/// <c>positiveCount</c>) and θ = p for the unconstrained rest (covariate coefficients), from several starts, and derives
/// standard errors from the numerically differentiated analytic gradient.
/// </summary>
internal static class MaximumLikelihood
{
    private const double Z95 = 1.959963984540054;

    /// <summary>
    /// Fits from every start and keeps the best optimum. With a <paramref name="screening"/> likelihood (a cheap estimate
    /// of the same total, e.g. on a systematic subsample of the cells) the starts are run on it and only the winner is
    /// polished on the full likelihood, so a multi-start fit of millions of customers costs about one full fit.
    /// </summary>
    public static ModelFit Fit(string model, string[] names, LogLikelihoodFunction logLikelihood, double[] defaultStart,
        double numberOfCustomers, FitOptions options, LogLikelihoodFunction? screening = null, int? positiveCount = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Starts);
        ArgumentOutOfRangeException.ThrowIfNegative(options.L2Penalty);
        if (numberOfCustomers <= 0)
            throw new SegmentaInputException($"{model}: no customers to fit. Provide at least one customer history.");
        var k = names.Length;
        var pc = positiveCount ?? k;
        var n = numberOfCustomers;
        var lambda = options.L2Penalty;
        var gradient = new double[k];
        var natural = new double[k];

        var current = screening ?? logLikelihood;
        // The best point evaluated so far: the fallback when every start ends in an optimiser exception.
        var bestSeenValue = double.PositiveInfinity;
        double[]? bestSeen = null;

        double Objective(Vector<double> theta, double[] g)
        {
            ToNatural(theta, natural, pc);
            var ll = current(natural, gradient);
            var value = -ll / n;
            for (var i = 0; i < k; i++)
            {
                var jacobian = i < pc ? natural[i] : 1.0;
                value += lambda * natural[i] * natural[i];
                g[i] = (-gradient[i] / n + 2 * lambda * natural[i]) * jacobian;
            }
            if (!double.IsFinite(value)) return double.MaxValue;
            if (value < bestSeenValue)
            {
                bestSeenValue = value;
                bestSeen = theta.ToArray();
            }
            return value;
        }

        var objective = ObjectiveFunction.Gradient(theta =>
        {
            var g = new double[k];
            var v = Objective(theta, g);
            return (v, Vector<double>.Build.Dense(g));
        });

        var starts = Starts(defaultStart, options, pc);
        double bestValue = double.PositiveInfinity;
        double[]? best = null;
        var iterations = 0;
        foreach (var start in starts)
        {
            try
            {
                var minimizer = new BfgsMinimizer(options.GradientTolerance * 0.1, 1e-12, 1e-15, options.MaxIterations);
                var result = minimizer.FindMinimum(objective, Vector<double>.Build.Dense(start));
                iterations += result.Iterations;
                var value = result.FunctionInfoAtMinimum.Value;
                if (value < bestValue && AllFinite(result.MinimizingPoint))
                {
                    bestValue = value;
                    best = result.MinimizingPoint.ToArray();
                }
            }
            catch (Exception e) when (e is MaximumIterationsException or InnerOptimizationException or OptimizationException or ArithmeticException)
            {
                // This start failed (line search or iteration cap); the other starts decide.
                iterations += options.MaxIterations;
            }
        }
        best ??= bestSeen;
        if (best is null)
        {
            throw new SegmentaInputException(string.Create(CultureInfo.InvariantCulture,
                $"{model}: the optimiser failed from all {starts.Count} starting points. The data may be degenerate (check that there are repeat buyers and that recency and age are in one time unit)."));
        }

        if (screening is not null)
        {
            current = logLikelihood;
            (bestSeenValue, bestSeen) = (double.PositiveInfinity, null);
            try
            {
                var minimizer = new BfgsMinimizer(options.GradientTolerance * 0.1, 1e-12, 1e-15, options.MaxIterations);
                var result = minimizer.FindMinimum(objective, Vector<double>.Build.Dense(best));
                iterations += result.Iterations;
                if (AllFinite(result.MinimizingPoint)) best = result.MinimizingPoint.ToArray();
                bestSeen = null;
            }
            catch (Exception e) when (e is MaximumIterationsException or InnerOptimizationException or OptimizationException or ArithmeticException)
            {
                // Keep the best point reached; the convergence check below decides.
                iterations += options.MaxIterations;
                if (bestSeen is not null) best = bestSeen;
            }
        }

        var finalGradient = new double[k];
        Objective(Vector<double>.Build.Dense(best), finalGradient);
        var converged = true;
        foreach (var g in finalGradient) converged &= Math.Abs(g) <= options.GradientTolerance;
        if (!converged && !options.AcceptNonConverged)
        {
            throw new SegmentaInputException(string.Create(CultureInfo.InvariantCulture,
                $"{model}: the fit did not converge (largest gradient component {MaxAbs(finalGradient):G3} > tolerance {options.GradientTolerance:G3} after {iterations} iterations). The likelihood may be flat (e.g. too few repeat buyers); set FitOptions.AcceptNonConverged to use the estimate anyway."));
        }

        var p = new double[k];
        ToNatural(Vector<double>.Build.Dense(best), p, pc);
        var ll = logLikelihood(p, gradient);
        var covariance = LogCovariance(logLikelihood, best, pc);
        return Build(model, names, p, covariance, ll, converged, iterations, numberOfCustomers, pc);
    }

    /// <summary>Assembles the uniform result from parameters and a covariance of the log-parameters (may be null).</summary>
    public static ModelFit Build(string model, string[] names, double[] p, double[]? logCovariance, double logLikelihood,
        bool converged, int iterations, double numberOfCustomers, int? positiveCount = null)
    {
        var k = names.Length;
        var pc = positiveCount ?? k;
        var parameters = new Dictionary<string, double>(k);
        var errors = new Dictionary<string, double>(k);
        var intervals = new Dictionary<string, ParameterInterval>(k);
        for (var i = 0; i < k; i++)
        {
            var seLog = logCovariance is null ? double.NaN : Math.Sqrt(logCovariance[i * k + i]);
            parameters[names[i]] = p[i];
            errors[names[i]] = i < pc ? p[i] * seLog : seLog;
            intervals[names[i]] = i < pc
                ? new ParameterInterval(p[i] * Math.Exp(-Z95 * seLog), p[i] * Math.Exp(Z95 * seLog))
                : new ParameterInterval(p[i] - Z95 * seLog, p[i] + Z95 * seLog);
        }
        return new ModelFit(model, parameters, errors, intervals, logLikelihood, converged, iterations, numberOfCustomers)
        {
            LogCovariance = logCovariance,
        };
    }

    /// <summary>Inverse of the observed information in θ = ln p, or null when it is not positive definite.</summary>
    internal static double[]? LogCovariance(LogLikelihoodFunction logLikelihood, double[] theta, int positiveCount)
    {
        var k = theta.Length;
        var h = Matrix<double>.Build.Dense(k, k);
        var g = new double[k];
        var p = new double[k];
        for (var j = 0; j < k; j++)
        {
            const double step = 1e-5;
            var plus = GradientInLog(logLikelihood, theta, j, step, p, g, positiveCount);
            var minus = GradientInLog(logLikelihood, theta, j, -step, p, g, positiveCount);
            for (var i = 0; i < k; i++) h[i, j] = (plus[i] - minus[i]) / (2 * step);
        }
        var information = -0.5 * (h + h.Transpose());
        try
        {
            var cholesky = information.Cholesky();
            var inverse = cholesky.Solve(Matrix<double>.Build.DenseIdentity(k));
            var result = new double[k * k];
            for (var i = 0; i < k; i++)
                for (var j = 0; j < k; j++) result[i * k + j] = inverse[i, j];
            foreach (var v in result) if (!double.IsFinite(v)) return null;
            for (var i = 0; i < k; i++) if (result[i * k + i] <= 0) return null;
            return result;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static double[] GradientInLog(LogLikelihoodFunction f, double[] theta, int j, double step, double[] p, double[] g, int positiveCount)
    {
        for (var i = 0; i < theta.Length; i++)
        {
            var t = theta[i] + (i == j ? step : 0);
            p[i] = i < positiveCount ? Math.Exp(t) : t;
        }
        f(p, g);
        var result = new double[theta.Length];
        for (var i = 0; i < theta.Length; i++) result[i] = i < positiveCount ? g[i] * p[i] : g[i];
        return result;
    }

    private static void ToNatural(Vector<double> theta, double[] natural, int positiveCount)
    {
        for (var i = 0; i < natural.Length; i++)
            natural[i] = i < positiveCount ? Math.Exp(Math.Clamp(theta[i], -30, 30)) : theta[i];
    }

    private static List<double[]> Starts(double[] defaultStart, FitOptions options, int positiveCount)
    {
        var k = defaultStart.Length;
        var first = new double[k];
        for (var i = 0; i < k; i++)
        {
            var v = options.InitialValues is { } init && init.Count == k && (init[i] > 0 || i >= positiveCount) && double.IsFinite(init[i])
                ? init[i] : defaultStart[i];
            first[i] = i < positiveCount ? Math.Log(v) : v;
        }
        var starts = new List<double[]> { first };
        // Deterministic spread around the first start: alternate factors e^{±1}, e^{±2}, … per parameter.
        for (var s = 1; s < options.Starts; s++)
        {
            var next = new double[k];
            for (var i = 0; i < k; i++)
                next[i] = first[i] + ((s + i) % 2 == 0 ? 1 : -1) * (1 + (s - 1) / 2);
            starts.Add(next);
        }
        return starts;
    }

    private static bool AllFinite(Vector<double> v)
    {
        foreach (var x in v) if (!double.IsFinite(x)) return false;
        return true;
    }

    private static double MaxAbs(double[] v)
    {
        var m = 0.0;
        foreach (var x in v) m = Math.Max(m, Math.Abs(x));
        return m;
    }
}
