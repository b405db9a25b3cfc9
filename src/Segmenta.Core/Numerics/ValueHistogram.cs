namespace Segmenta.Core.Numerics;

/// <summary>
/// The distribution of one feature over the customers: its distinct non-null values in ascending order with
/// how many customers have each. Engines compute it with one GROUP BY, so cut points (quantiles, Pareto
/// shares, means) are then computed one way in .NET for every engine and come out identical.
/// </summary>
public sealed class ValueHistogram
{
    /// <summary>Creates a histogram; <paramref name="values"/> must be strictly ascending and the arrays of equal length.</summary>
    public ValueHistogram(decimal[] values, long[] counts, long nullCount)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentOutOfRangeException.ThrowIfNegative(nullCount);
        if (values.Length != counts.Length)
            throw new ArgumentException("values and counts must have the same length", nameof(counts));
        for (var i = 1; i < values.Length; i++)
            if (values[i] <= values[i - 1])
                throw new ArgumentException("values must be strictly ascending", nameof(values));
        Values = values;
        Counts = counts;
        NullCount = nullCount;
        long n = 0;
        foreach (var c in counts)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(c, nameof(counts));
            n += c;
        }
        Count = n;
    }

    /// <summary>Distinct non-null values, ascending.</summary>
    public IReadOnlyList<decimal> Values { get; }

    /// <summary>Number of customers with each value.</summary>
    public IReadOnlyList<long> Counts { get; }

    /// <summary>Customers whose value is null (not counted in <see cref="Count"/>).</summary>
    public long NullCount { get; }

    /// <summary>Customers with a non-null value.</summary>
    public long Count { get; }

    /// <summary>Builds a histogram from raw values (nulls counted separately); handy for tests and in-memory use.</summary>
    public static ValueHistogram FromValues(IEnumerable<decimal?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var counts = new SortedDictionary<decimal, long>();
        long nulls = 0;
        foreach (var v in values)
        {
            if (v is not { } x) { nulls++; continue; }
            counts[x] = counts.TryGetValue(x, out var c) ? c + 1 : 1;
        }
        return new ValueHistogram([.. counts.Keys], [.. counts.Values], nulls);
    }
}
