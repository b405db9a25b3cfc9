namespace Segmenta.Core.Synthetic.Internal;

/// <summary>
/// Gamma(shape k, rate 1) by Marsaglia &amp; Tsang (2000), "A simple method for generating gamma variables",
/// ACM TOMS 26(3); for k &lt; 1 it draws Gamma(k + 1) and multiplies by U^(1/k) (their section 6).
/// Constants are computed once per shape.
/// </summary>
internal readonly struct GammaSampler
{
    private readonly double _d;
    private readonly double _c;
    private readonly double _boostExponent;
    private readonly bool _boost;

    public GammaSampler(double shape)
    {
        _boost = shape < 1.0;
        var k = _boost ? shape + 1.0 : shape;
        _d = k - (1.0 / 3.0);
        _c = 1.0 / Math.Sqrt(9.0 * _d);
        _boostExponent = 1.0 / shape;
    }

    /// <summary>One Gamma(shape, rate 1) draw; divide by a rate to rescale.</summary>
    public double Sample(SyntheticRandom rng)
    {
        var g = SampleAtLeastOne(rng);
        return _boost ? g * Math.Pow(rng.NextOpenDouble(), _boostExponent) : g;
    }

    private double SampleAtLeastOne(SyntheticRandom rng)
    {
        while (true)
        {
            double x, v;
            do
            {
                x = rng.Normal();
                v = 1.0 + (_c * x);
            }
            while (v <= 0.0);

            v = v * v * v;
            var u = rng.NextOpenDouble();
            var x2 = x * x;
            if (u < 1.0 - (0.0331 * x2 * x2))
            {
                return _d * v;
            }

            if (Math.Log(u) < (0.5 * x2) + (_d * (1.0 - v + Math.Log(v))))
            {
                return _d * v;
            }
        }
    }
}
