using System.Diagnostics;
using System.Globalization;
using Segmenta.Core.Clustering;
using Segmenta.Core.Clustering.Internal;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Data.Analysis;
using Segmenta.Data.DuckDb;

namespace Segmenta.Benchmarks;

/// <summary><c>cluster-phases DB</c>: process CPU seconds of each phase of the k-means pipeline (where the time goes).</summary>
public static class ClusteringPhases
{
    public static int Run(string database)
    {
        using var connection = DuckDbStore.Open(database);
        var (_, raw) = SegmentTable.ReadMatrix(new DuckDbEngine(connection), KMeansSettings.DefaultFeatures);
        var options = new KMeansOptions();
        var cpu = Process.GetCurrentProcess();
        double Cpu() { cpu.Refresh(); return cpu.TotalProcessorTime.TotalSeconds; }
        var wall = Stopwatch.StartNew();
        void Report(string phase, double start, TimeSpan began) =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase,-28} cpu {Cpu() - start,7:F2} s  wall {(wall.Elapsed - began).TotalSeconds,7:F2} s"));

        var t = Cpu(); var w = wall.Elapsed;
        var transform = FeatureTransform.Fit(raw);
        var x = transform.Apply(raw);
        Report("transform", t, w);
        t = Cpu(); w = wall.Elapsed;
        var sample = x.Select(Seeds.Sample(x.Rows, options.FitSampleSize, Seeds.Stream(options.Seed, 1)));
        var silRows = Seeds.Sample(x.Rows, options.SilhouetteSampleSize, Seeds.Stream(options.Seed, 2));
        var silPoints = x.Select(silRows);
        Report("samples", t, w);
        double sampleCpu = 0, refineCpu = 0, silCpu = 0, chCpu = 0;
        var iterations = 0;
        for (var k = 2; k <= 10; k++)
        {
            t = Cpu();
            double[]? best = null;
            var bestInertia = double.PositiveInfinity;
            for (var r = 0; r < options.Restarts; r++)
            {
                var c = KMeansPlusPlus.Seed(sample, k, Seeds.Stream(options.Seed, 100 + k, r), 2);
                var run = Lloyd.Run(sample, c, k, options.MaxIterations, 1e-4, 2);
                iterations += run.Iterations;
                if (run.Inertia < bestInertia) (best, bestInertia) = (c, run.Inertia);
            }
            sampleCpu += Cpu() - t;
            t = Cpu();
            var full = Lloyd.Run(x, best!, k, options.MaxIterations, 1e-4, 2);
            refineCpu += Cpu() - t;
            t = Cpu();
            _ = ClusterQuality.Silhouette(silPoints, [.. silRows.Select(i => full.Labels[i])]);
            silCpu += Cpu() - t;
            t = Cpu();
            _ = ClusterQuality.CalinskiHarabasz(x, full.Labels);
            chCpu += Cpu() - t;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"restarts on sample cpu {sampleCpu:F2} s ({iterations} Lloyd iterations), refine on all cpu {refineCpu:F2} s, silhouette cpu {silCpu:F2} s, CH cpu {chCpu:F2} s; total wall {wall.Elapsed.TotalSeconds:F2} s"));
        return 0;
    }
}
