namespace Segmenta.Core.Propensity;

/// <summary>Settings of <see cref="LogisticRegression.Fit"/>.</summary>
public sealed record LogisticOptions
{
    /// <summary>Default L2 penalty per observation.</summary>
    public const double DefaultL2 = 1e-4;

    /// <summary>Default iteration limit.</summary>
    public const int DefaultMaxIterations = 100;

    /// <summary>
    /// L2 penalty λ per observation on the standardised coefficients (not the intercept): the fit maximises
    /// ℓ(β)/n − (λ/2)·‖β‖². 0 gives the plain maximum-likelihood estimate.
    /// </summary>
    public double L2 { get; init; } = DefaultL2;

    /// <summary>Newton (IRLS) iterations at most.</summary>
    public int MaxIterations { get; init; } = DefaultMaxIterations;

    /// <summary>Converged when no coefficient moves by more than this in an iteration.</summary>
    public double Tolerance { get; init; } = 1e-9;
}
