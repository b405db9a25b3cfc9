namespace Segmenta.Core.Clv;

/// <summary>
/// The uniform result of a maximum-likelihood fit, whatever the model: what a host prints as
/// <c>{"model":…, "params":{…}, "stderr":{…}, "loglik":…, "n_customers":…}</c>.
/// </summary>
/// <remarks>
/// Standard errors come from the observed information: the Hessian of the log-likelihood with respect to the
/// log-parameters θ = ln p (central differences of the analytic gradient), inverted, then mapped by the delta method
/// SE(p) = p · SE(θ). The 95% intervals are exp(θ ± 1.96 SE(θ)), so they stay positive. When the Hessian is not
/// negative definite the standard errors and intervals are NaN (the parameters never are).
/// </remarks>
/// <param name="Model">Model name (e.g. "bgnbd").</param>
/// <param name="Parameters">Parameter values by the papers' short names (r, alpha, a, b, …), in the model's order.</param>
/// <param name="StandardErrors">Standard error of each parameter.</param>
/// <param name="ConfidenceIntervals">95% interval of each parameter.</param>
/// <param name="LogLikelihood">Log-likelihood at the estimate (unpenalised, full constant terms).</param>
/// <param name="Converged">Whether the optimiser met the gradient tolerance.</param>
/// <param name="Iterations">Optimiser iterations summed over all starts.</param>
/// <param name="NumberOfCustomers">Total weight of the data the model was fitted on.</param>
public sealed record ModelFit(
    string Model,
    IReadOnlyDictionary<string, double> Parameters,
    IReadOnlyDictionary<string, double> StandardErrors,
    IReadOnlyDictionary<string, ParameterInterval> ConfidenceIntervals,
    double LogLikelihood,
    bool Converged,
    int Iterations,
    double NumberOfCustomers)
{
    /// <summary>Number of free parameters (k in AIC/BIC).</summary>
    public int ParameterCount => Parameters.Count;

    /// <summary>
    /// Covariance of the optimisation parameters θ (ln p for positive parameters, p itself for covariate coefficients),
    /// row-major k × k, or null when unavailable; used for delta-method intervals.
    /// </summary>
    internal IReadOnlyList<double>? LogCovariance { get; init; }
}
