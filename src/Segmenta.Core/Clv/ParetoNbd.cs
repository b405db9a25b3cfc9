using Segmenta.Core.Clv.Internal;

namespace Segmenta.Core.Clv;

/// <summary>
/// Entry points of the Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987, "Counting Your Customers: Who Are They
/// and What Will They Do Next?", Management Science 33(1); Fader &amp; Hardie 2005, "A Note on Deriving the Pareto/NBD
/// Model and Related Expressions").
/// </summary>
public static class ParetoNbd
{
    /// <summary>Model name used in <see cref="ModelFit.Model"/>: "paretonbd".</summary>
    public const string Name = "paretonbd";

    private static readonly string[] Names = ["r", "alpha", "s", "beta"];

    /// <summary>
    /// Maximum-likelihood fit of (r, α, s, β), maximising the sum of eq. (22) of the note, with the exact gradient of
    /// <see cref="ParetoNbdGradient"/> (the death-time integral of eq. (19) differentiated under the integral sign).
    /// </summary>
    /// <exception cref="SegmentaInputException">No customers, no repeat buyers, or the fit did not converge (unless accepted).</exception>
    public static ParetoNbdModel Fit(HistoryCells cells, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cells);
        DataChecks.RequireRepeatBuyers(Name, cells);
        var scale = Math.Max(DataChecks.MeanT(cells) / 4, 1e-3);
        var fit = MaximumLikelihood.Fit(Name, Names, (p, g) => ParetoNbdGradient.Evaluate(cells, p, g),
            [0.5, scale, 0.5, scale], cells.NumberOfCustomers, options ?? FitOptions.Default,
            Screening.For(cells, c => (p, g) => ParetoNbdGradient.Evaluate(c, p, g)));
        var p = fit.Parameters;
        return new ParetoNbdModel(p["r"], p["alpha"], p["s"], p["beta"]) { Fit = fit };
    }

    /// <summary>Total log-likelihood Σ wᵢ ln Lᵢ (Fader &amp; Hardie 2005 note, eq. (22)) at the given parameters.</summary>
    public static double LogLikelihood(HistoryCells cells, double r, double alpha, double s, double beta)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return ParetoNbdLikelihood.Evaluate(cells, [r, alpha, s, beta]);
    }
}
