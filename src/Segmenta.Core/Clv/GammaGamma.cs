using System.Globalization;
using Segmenta.Core.Clv.Internal;

namespace Segmenta.Core.Clv;

/// <summary>
/// Entry points of the Gamma-Gamma spend model (Fader, Hardie &amp; Lee 2005, "RFM and CLV: Using Iso-Value Curves for
/// Customer Base Analysis", JMR 42(4), 415–430; Fader &amp; Hardie 2013, "The Gamma-Gamma Model of Monetary Value").
/// </summary>
public static class GammaGamma
{
    /// <summary>Model name used in <see cref="ModelFit.Model"/>: "gammagamma".</summary>
    public const string Name = "gammagamma";

    private static readonly string[] Names = ["p", "q", "v"];

    /// <summary>
    /// Maximum-likelihood fit of (p, q, γ) to the repeat buyers' (x, m̄ₓ): maximises Σ ln f(m̄ₓ | p, q, γ, x)
    /// (Fader &amp; Hardie 2013, eq. (4)). Rows with x = 0 must be left out by the caller (they carry no spend information).
    /// </summary>
    /// <exception cref="SegmentaInputException">A row is invalid, there are no rows, or the fit did not converge.</exception>
    public static GammaGammaModel Fit(ReadOnlySpan<SpendHistory> spend, FitOptions? options = null)
    {
        var (x, m, w, n) = Compress(spend);
        if (x.Length == 0)
            throw new SegmentaInputException($"{Name}: no repeat buyers with spend to fit. The Gamma-Gamma model needs customers with x >= 1.");
        var likelihood = new GammaGammaLikelihood(x, m, w);
        double meanSpend = 0;
        for (var i = 0; i < x.Length; i++) meanSpend += w[i] * m[i];
        meanSpend /= n;
        var fit = MaximumLikelihood.Fit(Name, Names, likelihood.Evaluate, [1.0, 2.0, Math.Max(meanSpend, 1e-6)], n, options ?? FitOptions.Default);
        var p = fit.Parameters;
        return new GammaGammaModel(p["p"], p["q"], p["v"]) { Fit = fit };
    }

    /// <summary>Total log-likelihood Σ wᵢ ln f(m̄ᵢ | p, q, γ, xᵢ) (Fader &amp; Hardie 2013, eq. (4)).</summary>
    public static double LogLikelihood(ReadOnlySpan<SpendHistory> spend, double p, double q, double v)
    {
        var (x, m, w, _) = Compress(spend);
        Span<double> g = stackalloc double[3];
        return new GammaGammaLikelihood(x, m, w).Evaluate([p, q, v], g);
    }

    internal static (double[] X, double[] M, double[] W, double N) Compress(ReadOnlySpan<SpendHistory> spend)
    {
        var map = new Dictionary<(double, double), int>();
        var x = new List<double>();
        var m = new List<double>();
        var w = new List<double>();
        double n = 0;
        for (var i = 0; i < spend.Length; i++)
        {
            var s = spend[i];
            if (!(s.Frequency >= 1 && s.Frequency == Math.Floor(s.Frequency) && double.IsFinite(s.Frequency)
                && s.MeanSpend > 0 && double.IsFinite(s.MeanSpend) && s.Weight > 0 && double.IsFinite(s.Weight)))
            {
                throw new SegmentaInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{Name}: spend row {i} (x={s.Frequency}, mean spend={s.MeanSpend}, weight={s.Weight}) is invalid: x must be a whole number >= 1 and mean spend and weight > 0. Leave out non-repeat buyers and zero or negative spend."));
            }
            n += s.Weight;
            if (map.TryGetValue((s.Frequency, s.MeanSpend), out var at)) { w[at] += s.Weight; continue; }
            map.Add((s.Frequency, s.MeanSpend), x.Count);
            x.Add(s.Frequency); m.Add(s.MeanSpend); w.Add(s.Weight);
        }
        return ([.. x], [.. m], [.. w], n);
    }
}
