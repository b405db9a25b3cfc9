namespace Segmenta.Core.Synthetic.Internal;

/// <summary>Expected transactions per customer, used to turn a target row count into a number of customers.</summary>
internal static class ExpectedRows
{
    public const string ClosedFormMethod = "bgnbd-closed-form";
    public const string PilotMethod = "pilot-simulation";

    private const int MaxSeriesTerms = 10_000_000;

    /// <summary>
    /// 1 + the mean of E[X(Tᵢ)] over the 548 equally likely first-purchase days, with Tᵢ = (1096 − d₀)/7 weeks.
    /// Uses the BG/NBD closed form; falls back to a fixed-seed pilot simulation of 400 000 customers when a ≈ 1
    /// (the closed form divides by a − 1) or the hypergeometric series does not converge.
    /// </summary>
    public static (double RowsPerCustomer, string Method) PerCustomer(SyntheticOptions options)
    {
        if (Math.Abs(options.A - 1.0) > 1e-9)
        {
            var sum = 0.0;
            for (var d0 = 0; d0 < SyntheticCalendar.FirstPurchaseDays; d0++)
            {
                sum += ExpectedRepeats((SyntheticCalendar.WindowDays - d0) / 7.0, options.R, options.Alpha, options.A, options.B);
            }

            var rows = 1.0 + (sum / SyntheticCalendar.FirstPurchaseDays);
            if (double.IsFinite(rows) && rows >= 1.0)
            {
                return (rows, ClosedFormMethod);
            }
        }

        return (Pilot(options), PilotMethod);
    }

    /// <summary>
    /// E[X(t)] = (a + b − 1)/(a − 1) · [1 − (α/(α + t))^r · ₂F₁(r, b; a + b − 1; t/(α + t))], t in weeks.
    /// Fader, Hardie &amp; Lee (2005), "Counting Your Customers the Easy Way", Marketing Science 24(2), eq. (7).
    /// Returns NaN when the series cannot be summed.
    /// </summary>
    public static double ExpectedRepeats(double t, double r, double alpha, double a, double b)
    {
        var z = t / (alpha + t);
        var f = Hypergeometric2F1(r, b, a + b - 1.0, z);
        return (a + b - 1.0) / (a - 1.0) * (1.0 - (Math.Pow(alpha / (alpha + t), r) * f));
    }

    /// <summary>Gauss's series Σ (a)ₙ(b)ₙ/(c)ₙ zⁿ/n! for 0 ≤ z &lt; 1; NaN when it does not converge.</summary>
    internal static double Hypergeometric2F1(double a, double b, double c, double z)
    {
        var term = 1.0;
        var sum = 1.0;
        for (var n = 0; n < MaxSeriesTerms; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            if (!double.IsFinite(term))
            {
                return double.NaN;
            }

            sum += term;
            if (Math.Abs(term) <= 1e-17 * Math.Abs(sum) && n > 2)
            {
                return sum;
            }
        }

        return double.NaN;
    }

    private static double Pilot(SyntheticOptions options)
    {
        var rng = new SyntheticRandom(SimulationStreams.PilotSeed, 0);
        var lambda = new GammaSampler(options.R);
        var x = new GammaSampler(options.A);
        var y = new GammaSampler(options.B);
        long rows = 0;
        for (var i = 0; i < SimulationStreams.PilotCustomers; i++)
        {
            var ratePerDay = lambda.Sample(rng) / options.Alpha / 7.0;
            var gx = x.Sample(rng);
            var sum = gx + y.Sample(rng);
            var p = Math.Clamp(sum > 0 ? gx / sum : options.A / (options.A + options.B), 1e-12, 1.0);
            double t = rng.NextInt(SyntheticCalendar.FirstPurchaseDays);
            var dropoutAfter = rng.Geometric(p);
            rows++;
            for (var k = 1; ratePerDay > 0 && k <= dropoutAfter; k++)
            {
                t += rng.Exponential() / ratePerDay;
                if (!(t < SyntheticCalendar.WindowDays))
                {
                    break;
                }

                rows++;
            }
        }

        return (double)rows / SimulationStreams.PilotCustomers;
    }
}
