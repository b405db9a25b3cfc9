namespace Segmenta.Core.Clv.Internal;

/// <summary>Turns a log-likelihood without an analytic gradient into a <see cref="LogLikelihoodFunction"/>.</summary>
internal static class FiniteDifference
{
    /// <summary>
    /// Central differences in log-parameter space: ∂LL/∂pᵢ ≈ [LL(pᵢe^h) − LL(pᵢe^−h)] / (pᵢ (e^h − e^−h)) with h = 1e-5
    /// (truncation error O(h²) ≈ 1e-10 relative), costing 2k + 1 evaluations.
    /// </summary>
    public static LogLikelihoodFunction Central(Func<double[], double> logLikelihood) => (parameters, gradient) =>
    {
        const double h = 1e-5;
        var p = parameters.ToArray();
        var value = logLikelihood(p);
        for (var i = 0; i < p.Length; i++)
        {
            var keep = p[i];
            p[i] = keep * Math.Exp(h);
            var up = logLikelihood(p);
            p[i] = keep * Math.Exp(-h);
            var down = logLikelihood(p);
            p[i] = keep;
            gradient[i] = (up - down) / (keep * (Math.Exp(h) - Math.Exp(-h)));
        }
        return value;
    };
}
