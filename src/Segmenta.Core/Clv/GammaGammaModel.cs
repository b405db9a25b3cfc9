namespace Segmenta.Core.Clv;

/// <summary>
/// A Gamma-Gamma spend model: a customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers
/// (Fader, Hardie &amp; Lee 2005, JMR 42(4); Fader &amp; Hardie 2013). Spend is independent of the purchase process.
/// </summary>
/// <param name="P">Shape of the per-transaction spend distribution (p), &gt; 0.</param>
/// <param name="Q">Shape of the gamma mixing distribution of ν (q), &gt; 0; the mean exists for q &gt; 1.</param>
/// <param name="V">Scale of the gamma mixing distribution of ν (γ; "v" in lifetimes), in money units, &gt; 0.</param>
public sealed record GammaGammaModel(double P, double Q, double V)
{
    /// <summary>The fit that produced the model (null when the parameters were given directly).</summary>
    public ModelFit? Fit { get; init; }

    /// <summary>Whether all parameters are finite and &gt; 0.</summary>
    public bool IsValidParameterSet => double.IsFinite(P) && P > 0 && double.IsFinite(Q) && Q > 0 && double.IsFinite(V) && V > 0;

    /// <summary>
    /// E[Z] = pγ / (q − 1): mean spend per transaction of a randomly chosen (or new) customer. Fader &amp; Hardie (2013), eq. (2).
    /// NaN-free only for q &gt; 1; returns +∞ when q ≤ 1.
    /// </summary>
    public double ExpectedSpend() => Q > 1 ? P * V / (Q - 1) : double.PositiveInfinity;

    /// <summary>
    /// E[Z | p, q, γ, m̄ₓ, x] = (γ + m̄ₓ x) p / (px + q − 1) = (q−1)/(px+q−1) · pγ/(q−1) + px/(px+q−1) · m̄ₓ: a weighted
    /// mean of the population mean and the customer's observed mean. Fader, Hardie &amp; Lee (2005), JMR, eq. (5);
    /// Fader &amp; Hardie (2013), eq. (5). For x = 0 it is the population mean.
    /// </summary>
    /// <param name="frequency">Repeat transactions x ≥ 0.</param>
    /// <param name="meanSpend">Observed mean spend m̄ₓ of those transactions (ignored when x = 0).</param>
    public double ExpectedSpend(double frequency, double meanSpend)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frequency);
        if (frequency == 0) return ExpectedSpend();
        return (V + meanSpend * frequency) * P / (P * frequency + Q - 1);
    }
}
