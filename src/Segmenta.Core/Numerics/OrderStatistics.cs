namespace Segmenta.Core.Numerics;

/// <summary>Order statistics x₍ⱼ₎ of a histogram without expanding it: cumulative counts plus binary search.</summary>
internal sealed class OrderStatistics
{
    private readonly IReadOnlyList<decimal> _values;
    private readonly long[] _cumulative;

    public OrderStatistics(ValueHistogram histogram)
    {
        _values = histogram.Values;
        _cumulative = new long[histogram.Counts.Count];
        long running = 0;
        for (var i = 0; i < _cumulative.Length; i++)
        {
            running += histogram.Counts[i];
            _cumulative[i] = running;
        }
        Count = running;
    }

    /// <summary>Number of values N.</summary>
    public long Count { get; }

    /// <summary>The j-th smallest value, 1 ≤ j ≤ N (ties repeated).</summary>
    public decimal At(long j)
    {
        System.Diagnostics.Debug.Assert(j >= 1 && j <= Count);
        var index = Array.BinarySearch(_cumulative, j);
        // Not found: ~index is the first cumulative count above j, i.e. the bucket holding the j-th value.
        return _values[index >= 0 ? index : ~index];
    }
}
