using Segmenta.Core.Clv.Internal;

namespace Segmenta.Core.Clv;

/// <summary>
/// Entry points of the BG/BB model for discrete transaction opportunities (Fader, Hardie &amp; Shang 2010,
/// "Customer-Base Analysis in a Discrete-Time Noncontractual Setting", Marketing Science 29(6), 1086–1108).
/// </summary>
/// <remarks>
/// Histories use <see cref="CustomerHistory.Frequency"/> = x (transactions in the n opportunities after the first),
/// <see cref="CustomerHistory.Recency"/> = tₓ (the opportunity of the last transaction, 0 if none) and
/// <see cref="CustomerHistory.T"/> = n (the number of opportunities), all whole numbers.
/// </remarks>
public static class BgBb
{
    /// <summary>Model name used in <see cref="ModelFit.Model"/>: "bgbb".</summary>
    public const string Name = "bgbb";

    private static readonly string[] Names = ["alpha", "beta", "gamma", "delta"];

    /// <summary>Maximum-likelihood fit of (α, β, γ, δ) of eq. (5), with the exact gradient (digamma differences of the beta-function terms).</summary>
    /// <exception cref="SegmentaInputException">No customers, no repeat transactions, or the fit did not converge (unless accepted).</exception>
    public static BgBbModel Fit(HistoryCells cells, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cells);
        DataChecks.RequireRepeatBuyers(Name, cells);
        var fit = MaximumLikelihood.Fit(Name, Names, (p, g) => BgBbLikelihood.Evaluate(cells, p, g),
            [1.0, 1.0, 1.0, 1.0], cells.NumberOfCustomers, options ?? FitOptions.Default);
        var p = fit.Parameters;
        return new BgBbModel(p["alpha"], p["beta"], p["gamma"], p["delta"]) { Fit = fit };
    }

    /// <summary>Total log-likelihood Σ wᵢ ln Lᵢ of eq. (5) at the given parameters.</summary>
    public static double LogLikelihood(HistoryCells cells, double alpha, double beta, double gamma, double delta)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return BgBbLikelihood.Evaluate(cells, [alpha, beta, gamma, delta]);
    }
}
