namespace Segmenta.Core.Clustering.Internal;

/// <summary>Independent, reproducible random streams and samples derived from one seed.</summary>
internal static class Seeds
{
    /// <summary>A <see cref="Random"/> for stream (a, b) of <paramref name="seed"/>, mixed with SplitMix64 (Steele, Lea &amp; Flood 2014).</summary>
    public static Random Stream(long seed, long a, long b = 0)
    {
        var z = unchecked((ulong)seed + (0x9E3779B97F4A7C15UL * (ulong)(a + 1)) + (0xBF58476D1CE4E5B9UL * (ulong)(b + 1)));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return new Random(unchecked((int)(z & 0x7FFFFFFF)));
    }

    /// <summary>m distinct row indices out of n, ascending (partial Fisher–Yates); all rows when m ≥ n.</summary>
    public static int[] Sample(int n, int m, Random rng)
    {
        if (m >= n) return [.. Enumerable.Range(0, n)];
        var pool = new int[n];
        for (var i = 0; i < n; i++) pool[i] = i;
        for (var i = 0; i < m; i++)
        {
            var j = i + rng.Next(n - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        var sample = pool[..m];
        Array.Sort(sample);
        return sample;
    }
}
