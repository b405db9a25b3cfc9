namespace Segmenta.Core.Clustering.Internal;

/// <summary>
/// k-means++ seeding (Arthur &amp; Vassilvitskii 2007, "k-means++: The Advantages of Careful Seeding", SODA, section 2.2):
/// the first centre is a uniformly random point; each further centre is point x with probability D(x)² / Σ D²,
/// D(x) being the distance to the nearest centre chosen so far.
/// </summary>
internal static class KMeansPlusPlus
{
    public static double[] Seed(FeatureMatrix x, int k, Random rng, int parallelism)
    {
        var n = x.Rows;
        var d = x.Dimensions;
        var centroids = new double[k * d];
        var first = rng.Next(n);
        Array.Copy(x.Values, first * d, centroids, 0, d);
        var d2 = new double[n];
        Update(x, centroids, 0, d2, initial: true, parallelism);
        for (var c = 1; c < k; c++)
        {
            double total = 0;
            for (var i = 0; i < n; i++) total += d2[i];
            int chosen;
            if (total <= 0)
            {
                chosen = rng.Next(n);
            }
            else
            {
                var target = rng.NextDouble() * total;
                double running = 0;
                chosen = n - 1;
                for (var i = 0; i < n; i++)
                {
                    running += d2[i];
                    if (running > target && d2[i] > 0)
                    {
                        chosen = i;
                        break;
                    }
                }
            }
            Array.Copy(x.Values, chosen * d, centroids, c * d, d);
            Update(x, centroids, c, d2, initial: false, parallelism);
        }
        return centroids;
    }

    private static void Update(FeatureMatrix x, double[] centroids, int c, double[] d2, bool initial, int parallelism)
    {
        var d = x.Dimensions;
        Parallel.For(0, Lloyd.ChunkCount(x.Rows), Lloyd.Options(parallelism), chunk =>
        {
            var (start, end) = Lloyd.Range(chunk, x.Rows);
            for (var i = start; i < end; i++)
            {
                var dist = Lloyd.Distance2(x.Values, i * d, centroids, c * d, d);
                d2[i] = initial ? dist : Math.Min(d2[i], dist);
            }
        });
    }
}
