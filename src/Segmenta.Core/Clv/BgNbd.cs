using Segmenta.Core.Clv.Internal;

namespace Segmenta.Core.Clv;

/// <summary>
/// Entry points of the BG/NBD model (Fader, Hardie &amp; Lee 2005, "Counting Your Customers the Easy Way: An Alternative
/// to the Pareto/NBD Model", Marketing Science 24(2), 275–284).
/// </summary>
public static class BgNbd
{
    /// <summary>Model name used in <see cref="ModelFit.Model"/>: "bgnbd".</summary>
    public const string Name = "bgnbd";

    private static readonly string[] Names = ["r", "alpha", "a", "b"];

    /// <summary>
    /// Maximum-likelihood fit of (r, α, a, b) to compressed histories, maximising the sum of eq. (6) over customers.
    /// </summary>
    /// <exception cref="SegmentaInputException">No customers, no repeat buyers, or the fit did not converge (unless accepted).</exception>
    public static BgNbdModel Fit(HistoryCells cells, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cells);
        DataChecks.RequireRepeatBuyers(Name, cells);
        var fit = MaximumLikelihood.Fit(Name, Names, (p, g) => BgNbdLikelihood.Evaluate(cells, p, g),
            [1.0, Math.Max(DataChecks.MeanT(cells) / 4, 1e-3), 1.0, 1.0], cells.NumberOfCustomers, options ?? FitOptions.Default,
            Screening.For(cells, c => (p, g) => BgNbdLikelihood.Evaluate(c, p, g)));
        var p = fit.Parameters;
        return new BgNbdModel(p["r"], p["alpha"], p["a"], p["b"]) { Fit = fit };
    }

    /// <summary>Total log-likelihood Σ wᵢ ln Lᵢ of eq. (6) at the given parameters (all &gt; 0).</summary>
    public static double LogLikelihood(HistoryCells cells, double r, double alpha, double a, double b)
    {
        ArgumentNullException.ThrowIfNull(cells);
        Span<double> g = stackalloc double[4];
        return BgNbdLikelihood.Evaluate(cells, [r, alpha, a, b], g);
    }
}
