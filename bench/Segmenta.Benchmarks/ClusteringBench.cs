using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Segmenta.Core.Clustering;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Trees;
using Segmenta.Data.Analysis;
using Segmenta.Data.DuckDb;

namespace Segmenta.Benchmarks;

/// <summary>
/// <c>cluster-bench DB [repeats] [--mlnet]</c>: k-means with automatic k over 2..10 on every customer of a segmented
/// store (the default 4 features), the CART explainer on the same customers, and optionally ML.NET's KMeans on the
/// same transformed data for comparison. Prints wall seconds (median of the repeats) and quality.
/// </summary>
public static class ClusteringBench
{
    public static int Run(string database, int repeats, bool mlnet)
    {
        using var connection = DuckDbStore.Open(database);
        var engine = new DuckDbEngine(connection);
        var features = KMeansSettings.DefaultFeatures;
        var clock = Stopwatch.StartNew();
        var (ids, matrix) = SegmentTable.ReadMatrix(engine, features);
        Console.WriteLine(Inv($"read {ids.Count:N0} customers × {features.Count} features: {clock.Elapsed.TotalSeconds:F2} s"));

        var fits = new List<double>();
        var cpus = new List<double>();
        var process = Process.GetCurrentProcess();
        KMeansResult? result = null;
        for (var r = 0; r < repeats; r++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            clock.Restart();
            result = KMeans.Fit(matrix, new KMeansOptions());
            fits.Add(clock.Elapsed.TotalSeconds);
            process.Refresh();
            cpus.Add((process.TotalProcessorTime - cpu).TotalSeconds);
            Console.WriteLine(Inv($"segmenta k-means k=2..10 run {r + 1}: {fits[^1]:F2} s wall, {cpus[^1]:F2} s cpu, chosen k = {result.ChosenK}"));
        }
        Console.WriteLine(Inv($"segmenta k-means median: {Median(fits):F2} s wall, {Median(cpus):F2} s cpu (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})"));
        foreach (var s in result!.Scores)
            Console.WriteLine(Inv($"  k={s.K,2} inertia={s.Inertia,14:F1} silhouette={s.Silhouette:F4} CH={s.CalinskiHarabasz,12:F1} iterations={s.Iterations} converged={s.Converged}"));

        // The tree explainer on the same customers: rfm_segment from the 8 default readable features.
        var treeFeatures = ExplainService.DefaultFeatures.Where(f => SegmentTable.NumericColumns(engine, DuckDbEngine.SegmentsTable).Contains(f)).ToList();
        var (_, columns, labels) = SegmentTable.ReadColumns(engine, treeFeatures, "rfm_segment");
        var trees = new List<double>();
        var treeCpus = new List<double>();
        for (var r = 0; r < repeats; r++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            clock.Restart();
            var tree = DecisionTree.Fit(treeFeatures, columns, labels!, new DecisionTreeOptions { MaxDepth = 3, MinLeafSize = 50 });
            trees.Add(clock.Elapsed.TotalSeconds);
            process.Refresh();
            treeCpus.Add((process.TotalProcessorTime - cpu).TotalSeconds);
            Console.WriteLine(Inv($"tree rfm_segment ~ {treeFeatures.Count} features, depth 3, run {r + 1}: {trees[^1]:F2} s wall, {treeCpus[^1]:F2} s cpu, fidelity {tree.Fidelity:F4}"));
        }
        Console.WriteLine(Inv($"tree median: {Median(trees):F2} s wall, {Median(treeCpus):F2} s cpu"));

        if (mlnet) CompareMlNet(matrix, result);
        return 0;
    }

    /// <summary>ML.NET KMeans (k-means++ init, 2 threads) for each k on the same transformed points; inertia and silhouette measured the same way.</summary>
    private static void CompareMlNet(FeatureMatrix raw, KMeansResult ours)
    {
        var x = ours.Model.Transform.Apply(raw);
        var d = x.Dimensions;
        var points = new List<Point>(x.Rows);
        for (var i = 0; i < x.Rows; i++)
        {
            var row = new float[d];
            for (var j = 0; j < d; j++) row[j] = (float)x.Values[(i * d) + j];
            points.Add(new Point { Features = row });
        }
        var ml = new MLContext(seed: 42);
        var data = ml.Data.LoadFromEnumerable(points, SchemaFor(ml, d));
        var silhouetteRows = Enumerable.Range(0, 5000).Select(i => (int)((long)i * x.Rows / 5000)).ToArray();
        var sample = x.Select(silhouetteRows);
        var total = Stopwatch.StartNew();
        foreach (var k in Enumerable.Range(2, 9))
        {
            var clock = Stopwatch.StartNew();
            var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
            {
                NumberOfClusters = k,
                InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
                NumberOfThreads = 2,
            });
            var model = trainer.Fit(data);
            var seconds = clock.Elapsed.TotalSeconds;
            VBuffer<float>[] centroids = [];
            model.Model.GetClusterCentroids(ref centroids, out var count);
            var flat = centroids.Take(count).SelectMany(c => c.DenseValues().Select(v => (double)v)).ToArray();
            var labels = new int[x.Rows];
            double inertia = 0;
            for (var i = 0; i < x.Rows; i++)
            {
                var best = 0;
                var bestDist = double.PositiveInfinity;
                for (var c = 0; c < count; c++)
                {
                    double dist = 0;
                    for (var j = 0; j < d; j++)
                    {
                        var diff = x.Values[(i * d) + j] - flat[(c * d) + j];
                        dist += diff * diff;
                    }
                    if (dist < bestDist) (best, bestDist) = (c, dist);
                }
                labels[i] = best;
                inertia += bestDist;
            }
            var silhouette = ClusterQuality.Silhouette(sample, [.. silhouetteRows.Select(r => labels[r])]);
            var oursK = ours.Scores.Single(s => s.K == k);
            Console.WriteLine(Inv($"  ML.NET k={k,2}: fit {seconds:F2} s, inertia {inertia,14:F1} (segmenta {oursK.Inertia,14:F1}), silhouette {silhouette:F4} (segmenta {oursK.Silhouette:F4})"));
        }
        Console.WriteLine(Inv($"ML.NET k=2..10 total fit time: {total.Elapsed.TotalSeconds:F2} s (one fit per k, no silhouette)"));
    }

    private static SchemaDefinition SchemaFor(MLContext ml, int d)
    {
        _ = ml;
        var schema = SchemaDefinition.Create(typeof(Point));
        schema[nameof(Point.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
        return schema;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class Point
    {
        public float[] Features { get; set; } = [];
    }
}
