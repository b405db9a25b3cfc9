namespace Segmenta.Core.Clv;

/// <summary>
/// A BG/NBD model with time-invariant covariates (CLVTools' parameterisation; Fader &amp; Hardie 2007, note 019):
/// customer i has αᵢ = α₀ exp(−γ_transᵀ zᵢ), aᵢ = a₀ exp(γ_lifeᵀ wᵢ), bᵢ = b₀ exp(γ_lifeᵀ wᵢ) and shares r. A positive
/// transaction coefficient raises the purchase rate; a positive life coefficient scales a and b together.
/// </summary>
/// <param name="R">Shape of the purchase-rate gamma distribution (r), &gt; 0.</param>
/// <param name="Alpha0">Baseline scale α₀ (α at all-zero transaction covariates), &gt; 0.</param>
/// <param name="A0">Baseline a₀, &gt; 0.</param>
/// <param name="B0">Baseline b₀, &gt; 0.</param>
/// <param name="LifeCoefficients">γ_life, one per life (dropout) covariate.</param>
/// <param name="TransactionCoefficients">γ_trans, one per transaction covariate.</param>
public sealed record BgNbdCovariateModel(double R, double Alpha0, double A0, double B0,
    IReadOnlyList<double> LifeCoefficients, IReadOnlyList<double> TransactionCoefficients)
{
    /// <summary>The fit that produced the model (null when the parameters were given directly).</summary>
    public ModelFit? Fit { get; init; }

    /// <summary>The plain BG/NBD model of a customer with life covariates w and transaction covariates z; use it for predictions.</summary>
    /// <exception cref="ArgumentException">A covariate vector has the wrong length.</exception>
    public BgNbdModel ForCustomer(ReadOnlySpan<double> life, ReadOnlySpan<double> transactions)
    {
        if (life.Length != LifeCoefficients.Count || transactions.Length != TransactionCoefficients.Count)
            throw new ArgumentException("covariate vectors must match the number of coefficients");
        double lifeDot = 0, transDot = 0;
        for (var j = 0; j < life.Length; j++) lifeDot += LifeCoefficients[j] * life[j];
        for (var j = 0; j < transactions.Length; j++) transDot += TransactionCoefficients[j] * transactions[j];
        return new BgNbdModel(R, Alpha0 * Math.Exp(-transDot), A0 * Math.Exp(lifeDot), B0 * Math.Exp(lifeDot));
    }
}
