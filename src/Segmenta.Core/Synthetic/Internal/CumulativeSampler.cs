namespace Segmenta.Core.Synthetic.Internal;

/// <summary>
/// Draws an index with probability proportional to its weight: the first index whose cumulative share
/// exceeds a uniform draw (binary search, like numpy's <c>searchsorted(side="right")</c>).
/// </summary>
internal sealed class CumulativeSampler
{
    private readonly double[] _cdf;

    public CumulativeSampler(IReadOnlyList<double> weights)
    {
        _cdf = new double[weights.Count];
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += weights[i];
            _cdf[i] = total;
        }

        for (var i = 0; i < _cdf.Length; i++)
        {
            _cdf[i] /= total;
        }

        _cdf[^1] = 1.0;
    }

    public int Count => _cdf.Length;

    public int Sample(SyntheticRandom rng)
    {
        var u = rng.NextDouble();
        int lo = 0, hi = _cdf.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_cdf[mid] > u)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }
}
