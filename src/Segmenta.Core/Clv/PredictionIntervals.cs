namespace Segmenta.Core.Clv;

/// <summary>Uncertainty of predictions that comes from the parameter estimates.</summary>
public static class PredictionIntervals
{
    private const double Z95 = 1.959963984540054;

    /// <summary>
    /// Delta-method 95% interval for E[Y(t) | x, tₓ, T]: Var ≈ ∇ᵀ Σ ∇ with Σ the covariance of the log-parameters from the
    /// fit and ∇ the gradient of the prediction in log-parameters (central differences, h = 1e-5); the interval is
    /// estimate ± 1.96 √Var, clipped at 0. Parameter uncertainty only (not the Poisson noise of the purchases).
    /// </summary>
    /// <exception cref="SegmentaInputException">The model has no fit or its fit has no covariance.</exception>
    public static ParameterInterval ExpectedPurchases(ITransactionModel model, double t, double frequency, double recency, double age)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (p, rebuild) = Parameters(model);
        var cov = model.Fit?.LogCovariance
            ?? throw new SegmentaInputException("Prediction interval: the model has no parameter covariance (it was not fitted, or its Hessian was singular).");
        var k = p.Length;
        var gradient = new double[k];
        const double h = 1e-5;
        for (var i = 0; i < k; i++)
        {
            var up = (double[])p.Clone(); up[i] *= Math.Exp(h);
            var down = (double[])p.Clone(); down[i] *= Math.Exp(-h);
            gradient[i] = (rebuild(up).ExpectedPurchases(t, frequency, recency, age)
                - rebuild(down).ExpectedPurchases(t, frequency, recency, age)) / (2 * h);
        }
        double variance = 0;
        for (var i = 0; i < k; i++)
            for (var j = 0; j < k; j++) variance += gradient[i] * cov[i * k + j] * gradient[j];
        var estimate = model.ExpectedPurchases(t, frequency, recency, age);
        var half = Z95 * Math.Sqrt(Math.Max(variance, 0));
        return new ParameterInterval(Math.Max(estimate - half, 0), estimate + half);
    }

    /// <summary>
    /// <see cref="ExpectedPurchases(ITransactionModel, double, double, double, double)"/> for every customer, computed
    /// once per distinct (x, tₓ, T), in parallel; lower and upper bounds written to the two destinations.
    /// </summary>
    public static void ExpectedPurchases(ITransactionModel model, double t, ReadOnlySpan<CustomerHistory> customers, Span<double> lower, Span<double> upper)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (lower.Length < customers.Length || upper.Length < customers.Length)
            throw new ArgumentException("destination is shorter than the customer list", nameof(lower));
        var keys = new (double X, double Tx, double T)[customers.Length];
        for (var i = 0; i < customers.Length; i++)
            keys[i] = (customers[i].Frequency, customers[i].Frequency == 0 ? 0 : customers[i].Recency, customers[i].T);
        var distinct = keys.Distinct().ToArray();
        var bounds = new ParameterInterval[distinct.Length];
        Parallel.For(0, distinct.Length, i => bounds[i] = ExpectedPurchases(model, t, distinct[i].X, distinct[i].Tx, distinct[i].T));
        var index = new Dictionary<(double, double, double), int>(distinct.Length);
        for (var i = 0; i < distinct.Length; i++) index[distinct[i]] = i;
        for (var i = 0; i < keys.Length; i++)
        {
            var b = bounds[index[keys[i]]];
            lower[i] = b.Lower;
            upper[i] = b.Upper;
        }
    }

    private static (double[] Parameters, Func<double[], ITransactionModel> Rebuild) Parameters(ITransactionModel model) => model switch
    {
        BgNbdModel m => ([m.R, m.Alpha, m.A, m.B], q => new BgNbdModel(q[0], q[1], q[2], q[3])),
        MbgNbdModel m => ([m.R, m.Alpha, m.A, m.B], q => new MbgNbdModel(q[0], q[1], q[2], q[3])),
        ParetoNbdModel m => ([m.R, m.Alpha, m.S, m.Beta], q => new ParetoNbdModel(q[0], q[1], q[2], q[3])),
        _ => throw new ArgumentException($"no delta-method support for {model.GetType().Name}", nameof(model)),
    };
}
