namespace Segmenta.Core.Clv;

/// <summary>Settings of a maximum-likelihood fit. Defaults are the named constants.</summary>
public sealed record FitOptions
{
    /// <summary>Default number of starting points: 3.</summary>
    public const int DefaultStarts = 3;

    /// <summary>Default iteration cap of the optimiser per start: 1000.</summary>
    public const int DefaultMaxIterations = 1000;

    /// <summary>Default tolerance on the largest component of the gradient of the mean log-likelihood per customer, with respect to log-parameters: 1e-6.</summary>
    public const double DefaultGradientTolerance = 1e-6;

    /// <summary>Default options: 3 starts, no penalty, non-convergence is an error.</summary>
    public static FitOptions Default { get; } = new();

    /// <summary>How many starting points the optimiser tries (≥ 1); the best converged optimum wins.</summary>
    public int Starts { get; init; } = DefaultStarts;

    /// <summary>
    /// L2 penalty λ ≥ 0: the objective minimised is −LL/N + λ Σ pᵢ² over the natural parameters pᵢ (as in the Python
    /// package lifetimes). 0 gives the plain MLE; the reported log-likelihood is always the unpenalised one.
    /// </summary>
    public double L2Penalty { get; init; }

    /// <summary>Iteration cap per start.</summary>
    public int MaxIterations { get; init; } = DefaultMaxIterations;

    /// <summary>Convergence tolerance on the gradient (see <see cref="DefaultGradientTolerance"/>).</summary>
    public double GradientTolerance { get; init; } = DefaultGradientTolerance;

    /// <summary>When true a fit that did not converge is returned with <c>Converged = false</c> instead of throwing.</summary>
    public bool AcceptNonConverged { get; init; }

    /// <summary>Optional first starting point on the natural scale, in the order of the model's parameters.</summary>
    public IReadOnlyList<double>? InitialValues { get; init; }
}
