using Segmenta.Core.Clustering.Internal;

namespace Segmenta.Core.Clustering;

/// <summary>Internal validity indices of a partition: silhouette width and Calinski–Harabasz.</summary>
public static class ClusterQuality
{
    /// <summary>
    /// Mean silhouette width over the rows: s(i) = (b(i) − a(i)) / max(a(i), b(i)), a(i) the mean Euclidean distance
    /// from i to the other members of its cluster, b(i) the smallest mean distance from i to the members of another
    /// cluster; s(i) = 0 when i is alone in its cluster. Rousseeuw (1987), "Silhouettes: a graphical aid to the
    /// interpretation and validation of cluster analysis", J. Comput. Appl. Math. 20, eq. (1)–(2) and section 3.
    /// </summary>
    /// <returns>The mean in [−1, 1]; NaN when fewer than two clusters are present. Cost O(n² d): pass a sample for large n.</returns>
    public static double Silhouette(FeatureMatrix points, IReadOnlyList<int> labels, int maxDegreeOfParallelism = KMeansOptions.DefaultMaxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != points.Rows) throw new ArgumentException("One label per row is needed.", nameof(labels));
        var n = points.Rows;
        var d = points.Dimensions;
        var k = n == 0 ? 0 : labels.Max() + 1;
        var sizes = new int[k];
        foreach (var l in labels) sizes[l]++;
        if (sizes.Count(s => s > 0) < 2) return double.NaN;
        var widths = new double[n];
        var values = points.Values;
        Parallel.For(0, n, Lloyd.Options(maxDegreeOfParallelism), () => new double[k], (i, _, sums) =>
        {
            Array.Clear(sums);
            for (var j = 0; j < n; j++)
            {
                if (j == i) continue;
                sums[labels[j]] += Math.Sqrt(Lloyd.Distance2(values, i * d, values, j * d, d));
            }
            var own = labels[i];
            if (sizes[own] == 1)
            {
                widths[i] = 0;
                return sums;
            }
            var a = sums[own] / (sizes[own] - 1);
            var b = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
            {
                if (c != own && sizes[c] > 0) b = Math.Min(b, sums[c] / sizes[c]);
            }
            var max = Math.Max(a, b);
            widths[i] = max > 0 ? (b - a) / max : 0;
            return sums;
        }, _ => { });
        double total = 0;
        foreach (var w in widths) total += w;
        return total / n;
    }

    /// <summary>
    /// Calinski–Harabasz index CH = [B / (k − 1)] / [W / (n − k)], B = Σⱼ nⱼ ‖x̄ⱼ − x̄‖² the between-cluster and
    /// W = Σᵢ ‖xᵢ − x̄_{c(i)}‖² the within-cluster sum of squares. Calinski &amp; Harabasz (1974), "A dendrite method for
    /// cluster analysis", Communications in Statistics 3(1), eq. (3).
    /// </summary>
    /// <returns>The index (higher is better); NaN when k &lt; 2 or n ≤ k; +∞ when W = 0.</returns>
    public static double CalinskiHarabasz(FeatureMatrix points, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != points.Rows) throw new ArgumentException("One label per row is needed.", nameof(labels));
        var n = points.Rows;
        var d = points.Dimensions;
        var k = n == 0 ? 0 : labels.Max() + 1;
        var sums = new double[k * d];
        var counts = new long[k];
        var mean = new double[d];
        for (var i = 0; i < n; i++)
        {
            counts[labels[i]]++;
            for (var j = 0; j < d; j++)
            {
                sums[(labels[i] * d) + j] += points.Values[(i * d) + j];
                mean[j] += points.Values[(i * d) + j];
            }
        }
        var used = counts.Count(c => c > 0);
        if (used < 2 || n <= used) return double.NaN;
        for (var j = 0; j < d; j++) mean[j] /= n;
        double between = 0, within = 0;
        for (var c = 0; c < k; c++)
        {
            if (counts[c] == 0) continue;
            for (var j = 0; j < d; j++)
            {
                var diff = (sums[(c * d) + j] / counts[c]) - mean[j];
                between += counts[c] * diff * diff;
            }
        }
        for (var i = 0; i < n; i++)
        {
            var c = labels[i];
            for (var j = 0; j < d; j++)
            {
                var diff = points.Values[(i * d) + j] - (sums[(c * d) + j] / counts[c]);
                within += diff * diff;
            }
        }
        return within > 0 ? between / (used - 1) / (within / (n - used)) : double.PositiveInfinity;
    }
}
