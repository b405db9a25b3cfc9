using System.Runtime.Intrinsics;

namespace Segmenta.Core.Clustering.Internal;

/// <summary>
/// Lloyd's algorithm (Lloyd 1982, "Least squares quantization in PCM", IEEE Trans. Inf. Theory 28(2)): assign each
/// point to its nearest centroid, move each centroid to the mean of its points, repeat. Points are processed in
/// fixed chunks in parallel and the per-chunk sums are added in chunk order, so the result is bit-identical for
/// any number of threads.
/// </summary>
internal static class Lloyd
{
    /// <summary>Rows per chunk; fixed, so the floating-point reduction order never depends on the thread count.</summary>
    public const int ChunkSize = 4096;

    /// <summary>Runs Lloyd iterations from <paramref name="centroids"/> (k × d, updated in place) until the squared shift is at most <paramref name="tolerance"/>.</summary>
    /// <returns>Final labels, inertia against the final centroids, iterations and whether it converged.</returns>
    public static (int[] Labels, double Inertia, int Iterations, bool Converged) Run(
        FeatureMatrix x, double[] centroids, int k, int maxIterations, double tolerance, int parallelism)
    {
        var d = x.Dimensions;
        var labels = new int[x.Rows];
        var sums = new double[k * d];
        var counts = new long[k];
        var iterations = 0;
        var converged = false;
        while (iterations < maxIterations)
        {
            iterations++;
            Accumulate(x, centroids, k, labels, sums, counts, parallelism);
            RepairEmpty(x, centroids, k, labels, sums, counts);
            double shift = 0;
            for (var c = 0; c < k; c++)
            {
                for (var j = 0; j < d; j++)
                {
                    var moved = sums[(c * d) + j] / counts[c];
                    var delta = moved - centroids[(c * d) + j];
                    shift += delta * delta;
                    centroids[(c * d) + j] = moved;
                }
            }
            if (shift <= tolerance)
            {
                converged = true;
                break;
            }
        }
        var inertia = Assign(x, centroids, k, labels, parallelism);
        return (labels, inertia, iterations, converged);
    }

    /// <summary>Nearest centroid of every row (ties: the lower index); returns the inertia.</summary>
    public static double Assign(FeatureMatrix x, double[] centroids, int k, int[] labels, int parallelism)
    {
        var chunks = ChunkCount(x.Rows);
        var partial = new double[chunks];
        Parallel.For(0, chunks, Options(parallelism), chunk =>
        {
            var (start, end) = Range(chunk, x.Rows);
            double inertia = 0;
            for (var i = start; i < end; i++)
            {
                var (best, dist) = Nearest(x.Values, i * x.Dimensions, centroids, k, x.Dimensions);
                labels[i] = best;
                inertia += dist;
            }
            partial[chunk] = inertia;
        });
        double total = 0;
        foreach (var p in partial) total += p;
        return total;
    }

    /// <summary>Assigns every row and sums the rows of each cluster (sums: k × d, counts: k), chunk by chunk in order.</summary>
    public static void Accumulate(FeatureMatrix x, double[] centroids, int k, int[] labels, double[] sums, long[] counts, int parallelism)
    {
        var d = x.Dimensions;
        var chunks = ChunkCount(x.Rows);
        var chunkSums = new double[chunks][];
        var chunkCounts = new long[chunks][];
        Parallel.For(0, chunks, Options(parallelism), chunk =>
        {
            var (start, end) = Range(chunk, x.Rows);
            var s = new double[k * d];
            var n = new long[k];
            var values = x.Values;
            for (var i = start; i < end; i++)
            {
                var offset = i * d;
                var (best, _) = Nearest(values, offset, centroids, k, d);
                labels[i] = best;
                n[best]++;
                var target = best * d;
                for (var j = 0; j < d; j++) s[target + j] += values[offset + j];
            }
            chunkSums[chunk] = s;
            chunkCounts[chunk] = n;
        });
        Array.Clear(sums);
        Array.Clear(counts);
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            var s = chunkSums[chunk];
            for (var i = 0; i < s.Length; i++) sums[i] += s[i];
            var n = chunkCounts[chunk];
            for (var c = 0; c < k; c++) counts[c] += n[c];
        }
    }

    /// <summary>
    /// An empty cluster takes the point farthest from its centroid (ties: the lower row), which leaves its old
    /// cluster; repeated while any cluster is empty. Deterministic.
    /// </summary>
    private static void RepairEmpty(FeatureMatrix x, double[] centroids, int k, int[] labels, double[] sums, long[] counts)
    {
        var d = x.Dimensions;
        for (var c = 0; c < k; c++)
        {
            if (counts[c] > 0) continue;
            var far = -1;
            var farDist = -1.0;
            for (var i = 0; i < x.Rows; i++)
            {
                if (counts[labels[i]] <= 1) continue;
                var dist = Distance2(x.Values, i * d, centroids, labels[i] * d, d);
                if (dist > farDist)
                {
                    farDist = dist;
                    far = i;
                }
            }
            if (far < 0) throw new InvalidOperationException("Fewer distinct points than clusters.");
            var from = labels[far];
            counts[from]--;
            counts[c] = 1;
            for (var j = 0; j < d; j++)
            {
                sums[(from * d) + j] -= x.Values[(far * d) + j];
                sums[(c * d) + j] = x.Values[(far * d) + j];
            }
            labels[far] = c;
        }
    }

    public static (int Best, double Distance) Nearest(double[] values, int offset, double[] centroids, int k, int d)
    {
        if (d == 4 && Vector256.IsHardwareAccelerated) return Nearest4(values, offset, centroids, k);
        var best = 0;
        var bestDist = double.PositiveInfinity;
        for (var c = 0; c < k; c++)
        {
            var dist = Distance2(values, offset, centroids, c * d, d);
            if (dist < bestDist)
            {
                bestDist = dist;
                best = c;
            }
        }
        return (best, bestDist);
    }

    /// <summary>The 4-feature case (the default feature set) with one 256-bit vector per point; same result on every thread count.</summary>
    private static (int Best, double Distance) Nearest4(double[] values, int offset, double[] centroids, int k)
    {
        var point = Vector256.Create(values.AsSpan(offset, 4));
        var best = 0;
        var bestDist = double.PositiveInfinity;
        for (var c = 0; c < k; c++)
        {
            var diff = point - Vector256.Create(centroids.AsSpan(c * 4, 4));
            var dist = Vector256.Sum(diff * diff);
            if (dist < bestDist)
            {
                bestDist = dist;
                best = c;
            }
        }
        return (best, bestDist);
    }

    public static double Distance2(double[] a, int aOffset, double[] b, int bOffset, int d)
    {
        double sum = 0;
        for (var j = 0; j < d; j++)
        {
            var diff = a[aOffset + j] - b[bOffset + j];
            sum += diff * diff;
        }
        return sum;
    }

    public static int ChunkCount(int rows) => (rows + ChunkSize - 1) / ChunkSize;

    public static (int Start, int End) Range(int chunk, int rows) => (chunk * ChunkSize, Math.Min(rows, (chunk + 1) * ChunkSize));

    public static ParallelOptions Options(int parallelism) => new() { MaxDegreeOfParallelism = parallelism };
}
