namespace Segmenta.Core.Clv.Internal;

/// <summary>
/// Sums a per-cell quantity over fixed chunks of the cells, in parallel when there are many cells. The chunk
/// boundaries do not depend on thread scheduling and partial sums are added in chunk order, so results are
/// bit-for-bit reproducible.
/// </summary>
internal static class ChunkedSum
{
    /// <summary>Below this many cells the work runs on the calling thread.</summary>
    public const int ParallelThreshold = 32_768;

    private const int Chunks = 16;

    /// <summary>
    /// Calls <paramref name="body"/>(start, end, partial) for consecutive ranges and returns the component-wise sum of
    /// the partial vectors (each of length <paramref name="width"/>).
    /// </summary>
    public static double[] Run(int length, int width, Action<int, int, double[]> body)
    {
        if (length < ParallelThreshold)
        {
            var single = new double[width];
            body(0, length, single);
            return single;
        }
        var partial = new double[Chunks][];
        Parallel.For(0, Chunks, c =>
        {
            var p = new double[width];
            body((int)((long)length * c / Chunks), (int)((long)length * (c + 1) / Chunks), p);
            partial[c] = p;
        });
        var total = new double[width];
        foreach (var p in partial)
            for (var i = 0; i < width; i++) total[i] += p[i];
        return total;
    }
}
