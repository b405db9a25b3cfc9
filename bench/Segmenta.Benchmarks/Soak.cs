using System.Diagnostics;
using System.Globalization;
using Segmenta.Data.Import;
using Segmenta.Data.Runs;

namespace Segmenta.Benchmarks;

/// <summary>
/// Soak run (issue 10 item 6): <c>Segmenta.Benchmarks soak FILE [RUNS]</c> runs the whole segmentation job RUNS times
/// in one process through the library API (<see cref="SegmentationRunner"/>, a file store, CSV output), and after each
/// run prints the managed heap (after a full collection), the RSS and the number of open file descriptors. A leak of
/// DuckDB connections, appenders or file handles shows as a column that keeps climbing; the exit code is 1 when the
/// last third of the runs ends more than <see cref="Slack"/> above the first third (managed heap or RSS) or with more
/// descriptors open.
/// </summary>
internal static class Soak
{
    /// <summary>Allowed growth, as a share of the early level, before the soak is called a leak.</summary>
    private const double Slack = 0.10;

    public static async Task<int> Run(string file, int runs)
    {
        var work = Directory.CreateTempSubdirectory("segmenta-soak-").FullName;
        var rows = new List<(double Seconds, long Heap, long Rss, int Fds)>();
        Console.WriteLine("| run | seconds | managed heap (MiB) | RSS (MiB) | open fds |");
        Console.WriteLine("|---|---|---|---|---|");
        try
        {
            for (var i = 1; i <= runs; i++)
            {
                var clock = Stopwatch.StartNew();
                var request = new SegmentationRequest
                {
                    Transactions = new ImportOptions { Path = file },
                    Database = Path.Combine(work, "store.duckdb"),
                    OutputDirectory = Path.Combine(work, "out"),
                    Format = OutputFormat.Csv,
                };
                await SegmentationRunner.RunAsync(request).ConfigureAwait(false);
                var seconds = clock.Elapsed.TotalSeconds;
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                using var self = Process.GetCurrentProcess();
                var row = (seconds, GC.GetTotalMemory(true), self.WorkingSet64, OpenDescriptors());
                rows.Add(row);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {i} | {row.seconds:F2} | {row.Item2 / 1048576.0:F1} | {row.Item3 / 1048576.0:F0} | {row.Item4} |"));
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        var third = Math.Max(1, runs / 3);
        var early = rows.Take(third).ToList();
        var late = rows.TakeLast(third).ToList();
        var heapGrowth = late.Average(r => r.Heap) / early.Average(r => r.Heap) - 1;
        var rssGrowth = late.Average(r => r.Rss) / early.Average(r => r.Rss) - 1;
        var fdGrowth = late.Max(r => r.Fds) - early.Max(r => r.Fds);
        var leak = heapGrowth > Slack || rssGrowth > Slack || fdGrowth > 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"last third vs first third: managed heap {heapGrowth:+0.0%;-0.0%}, RSS {rssGrowth:+0.0%;-0.0%}, open fds {fdGrowth:+0;-0;0} -> {(leak ? "LEAK?" : "steady")}"));
        return leak ? 1 : 0;
    }

    private static int OpenDescriptors() => Directory.Exists("/proc/self/fd") ? Directory.GetFileSystemEntries("/proc/self/fd").Length : -1;
}
