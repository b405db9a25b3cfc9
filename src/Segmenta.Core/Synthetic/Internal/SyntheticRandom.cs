namespace Segmenta.Core.Synthetic.Internal;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna 2018) seeded through SplitMix64 from a (seed, stream) pair, plus the
/// basic variates the simulation needs. One instance per independent stream; not thread-safe.
/// </summary>
internal sealed class SyntheticRandom
{
    private const double Inv53 = 1.0 / (1UL << 53);

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareNormal;
    private bool _hasSpare;

    public SyntheticRandom(long seed, ulong stream)
    {
        unchecked
        {
            var x = Mix((ulong)seed) ^ Mix(stream + 0x632BE59BD9B4E019UL);
            _s0 = SplitMix(ref x);
            _s1 = SplitMix(ref x);
            _s2 = SplitMix(ref x);
            _s3 = SplitMix(ref x);
        }
    }

    public ulong NextUInt64()
    {
        unchecked
        {
            var result = RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * Inv53;

    /// <summary>Uniform on the open interval (0, 1): safe to take the logarithm of.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * Inv53;

    /// <summary>Uniform integer on 0 .. n − 1 (Lemire's multiply-shift, nearly unbiased for small n).</summary>
    public int NextInt(int n)
    {
        unchecked
        {
            return (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);
        }
    }

    /// <summary>Standard exponential Exp(1).</summary>
    public double Exponential() => -Math.Log(NextOpenDouble());

    /// <summary>Standard normal, Marsaglia's polar method.</summary>
    public double Normal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareNormal;
        }

        double u, v, s;
        do
        {
            u = (2.0 * NextDouble()) - 1.0;
            v = (2.0 * NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        var f = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spareNormal = v * f;
        _hasSpare = true;
        return u * f;
    }

    /// <summary>
    /// Number of Bernoulli(p) trials up to and including the first success (support 1, 2, …), by inversion:
    /// ⌈ln U / ln(1 − p)⌉. Returned as a double because for tiny p it can exceed any integer type.
    /// </summary>
    public double Geometric(double p)
    {
        if (p >= 1.0)
        {
            return 1.0;
        }

        var g = Math.Ceiling(Math.Log(NextOpenDouble()) / Log1P(-p));
        return Math.Max(g, 1.0);
    }

    private static double Log1P(double x) =>
        Math.Abs(x) < 1e-4 ? x * (1.0 - (x * (0.5 - (x / 3.0)))) : Math.Log(1.0 + x);

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    private static ulong SplitMix(ref ulong state)
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            return Mix(state);
        }
    }
}
