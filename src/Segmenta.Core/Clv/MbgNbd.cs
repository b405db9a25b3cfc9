using Segmenta.Core.Clv.Internal;

namespace Segmenta.Core.Clv;

/// <summary>
/// Entry points of the MBG/NBD model (Batislam, Denizel &amp; Filiztekin 2007, "Empirical validation and comparison of
/// models for customer base analysis", International Journal of Research in Marketing 24(3), 201–209).
/// </summary>
public static class MbgNbd
{
    /// <summary>Model name used in <see cref="ModelFit.Model"/>: "mbgnbd".</summary>
    public const string Name = "mbgnbd";

    private static readonly string[] Names = ["r", "alpha", "a", "b"];

    /// <summary>Maximum-likelihood fit of (r, α, a, b) (analytic gradient).</summary>
    /// <exception cref="SegmentaInputException">No customers, no repeat buyers, or the fit did not converge (unless accepted).</exception>
    public static MbgNbdModel Fit(HistoryCells cells, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cells);
        DataChecks.RequireRepeatBuyers(Name, cells);
        var fit = MaximumLikelihood.Fit(Name, Names, (p, g) => MbgNbdLikelihood.Evaluate(cells, p, g),
            [1.0, Math.Max(DataChecks.MeanT(cells) / 4, 1e-3), 1.0, 1.0], cells.NumberOfCustomers, options ?? FitOptions.Default,
            Screening.For(cells, c => (p, g) => MbgNbdLikelihood.Evaluate(c, p, g)));
        var p = fit.Parameters;
        return new MbgNbdModel(p["r"], p["alpha"], p["a"], p["b"]) { Fit = fit };
    }

    /// <summary>Total log-likelihood Σ wᵢ ln Lᵢ at the given parameters.</summary>
    public static double LogLikelihood(HistoryCells cells, double r, double alpha, double a, double b)
    {
        ArgumentNullException.ThrowIfNull(cells);
        Span<double> g = stackalloc double[4];
        return MbgNbdLikelihood.Evaluate(cells, [r, alpha, a, b], g);
    }
}
