using System.Globalization;
using Segmenta.Core.Clustering.Internal;

namespace Segmenta.Core.Clustering;

/// <summary>
/// k-means clustering of customers: transform the features (<see cref="FeatureTransform"/>), seed with k-means++,
/// run Lloyd iterations from several seeds, and choose k by the mean silhouette width. Pure, seeded and
/// reproducible: the same input and options give the same clusters for any number of threads.
/// </summary>
/// <remarks>
/// <para>For each k in [MinK, MaxK]: <see cref="KMeansOptions.Restarts"/> k-means++ seedings (Arthur &amp; Vassilvitskii
/// 2007), each followed by Lloyd iterations, on a seeded sample of <see cref="KMeansOptions.FitSampleSize"/> points
/// (all points when there are fewer); the restart with the lowest inertia is refined by Lloyd iterations on all
/// points. Inertia and Calinski–Harabasz are computed on all points, the silhouette on a seeded sample of
/// <see cref="KMeansOptions.SilhouetteSampleSize"/> points. The chosen k has the highest silhouette (the smaller k on
/// ties). Clusters are renumbered by size, largest first.</para>
/// </remarks>
public static class KMeans
{
    /// <summary>Clusters the rows of <paramref name="raw"/> (raw feature values; NaN = missing).</summary>
    /// <exception cref="SegmentaInputException">Fewer rows than the largest k, or a feature unusable for its transform.</exception>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public static KMeansResult Fit(FeatureMatrix raw, KMeansOptions? options = null, FeatureTransformOptions? transformOptions = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        options ??= KMeansOptions.Default;
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(options));
        if (raw.Rows < options.MaxK + 1)
            throw new SegmentaInputException(string.Create(CultureInfo.InvariantCulture,
                $"{raw.Rows} customers are too few for up to {options.MaxK} clusters; use a smaller k (--k or --k-range)."));
        var transform = FeatureTransform.Fit(raw, transformOptions);
        var x = transform.Apply(raw);
        var parallelism = options.MaxDegreeOfParallelism;
        var sample = raw.Rows > options.FitSampleSize
            ? x.Select(Seeds.Sample(x.Rows, options.FitSampleSize, Seeds.Stream(options.Seed, 1)))
            : null;
        var silhouetteRows = Seeds.Sample(x.Rows, options.SilhouetteSampleSize, Seeds.Stream(options.Seed, 2));
        var silhouettePoints = x.Select(silhouetteRows);
        var tolerance = options.Tolerance * MeanVariance(x);

        var scores = new List<KScore>();
        KMeansModel? bestModel = null;
        int[]? bestLabels = null;
        var bestSilhouette = double.NegativeInfinity;
        for (var k = options.MinK; k <= options.MaxK; k++)
        {
            var (centroids, labels, inertia, iterations, converged) = FitK(x, sample, k, options, tolerance);
            Renumber(centroids, labels, k, x.Dimensions);
            var silhouette = k == 1 ? double.NaN : ClusterQuality.Silhouette(silhouettePoints, [.. silhouetteRows.Select(r => labels[r])], parallelism);
            var ch = k == 1 ? double.NaN : ClusterQuality.CalinskiHarabasz(x, labels);
            scores.Add(new KScore(k, inertia, silhouette, ch, iterations, converged));
            if (bestModel is null || silhouette > bestSilhouette)
            {
                bestSilhouette = silhouette;
                bestLabels = labels;
                bestModel = new KMeansModel(transform, [.. Enumerable.Range(0, k).Select(c => centroids[(c * x.Dimensions)..((c + 1) * x.Dimensions)])], inertia, iterations, converged);
            }
        }
        return new KMeansResult(bestModel!, bestLabels!, scores, bestModel!.K);
    }

    private static (double[] Centroids, int[] Labels, double Inertia, int Iterations, bool Converged) FitK(
        FeatureMatrix x, FeatureMatrix? sample, int k, KMeansOptions options, double tolerance)
    {
        var fitOn = sample ?? x;
        double[]? best = null;
        var bestInertia = double.PositiveInfinity;
        (int[] Labels, double Inertia, int Iterations, bool Converged) bestRun = default;
        for (var restart = 0; restart < options.Restarts; restart++)
        {
            var centroids = KMeansPlusPlus.Seed(fitOn, k, Seeds.Stream(options.Seed, 100 + k, restart), options.MaxDegreeOfParallelism);
            var run = Lloyd.Run(fitOn, centroids, k, options.MaxIterations, tolerance, options.MaxDegreeOfParallelism);
            if (run.Inertia < bestInertia)
            {
                bestInertia = run.Inertia;
                best = centroids;
                bestRun = run;
            }
        }
        if (sample is null) return (best!, bestRun.Labels!, bestRun.Inertia, bestRun.Iterations, bestRun.Converged);
        var refined = Lloyd.Run(x, best!, k, options.MaxIterations, tolerance, options.MaxDegreeOfParallelism);
        return (best!, refined.Labels, refined.Inertia, refined.Iterations, refined.Converged);
    }

    /// <summary>Renumbers clusters by size, largest first (ties: the lower old number), in place.</summary>
    private static void Renumber(double[] centroids, int[] labels, int k, int d)
    {
        var sizes = new long[k];
        foreach (var l in labels) sizes[l]++;
        var order = Enumerable.Range(0, k).OrderByDescending(c => sizes[c]).ThenBy(c => c).ToArray();
        var newOf = new int[k];
        for (var i = 0; i < k; i++) newOf[order[i]] = i;
        var old = (double[])centroids.Clone();
        for (var i = 0; i < k; i++) Array.Copy(old, order[i] * d, centroids, i * d, d);
        for (var i = 0; i < labels.Length; i++) labels[i] = newOf[labels[i]];
    }

    private static double MeanVariance(FeatureMatrix x)
    {
        double total = 0;
        for (var j = 0; j < x.Dimensions; j++)
        {
            double sum = 0, sq = 0;
            for (var i = 0; i < x.Rows; i++)
            {
                var v = x.Values[(i * x.Dimensions) + j];
                sum += v;
                sq += v * v;
            }
            var mean = sum / x.Rows;
            total += Math.Max(0, (sq / x.Rows) - (mean * mean));
        }
        return total / x.Dimensions;
    }
}
