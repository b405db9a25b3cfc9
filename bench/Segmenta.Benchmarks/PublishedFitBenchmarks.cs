using System.Globalization;
using BenchmarkDotNet.Attributes;
using Segmenta.Core.Clv;

namespace Segmenta.Benchmarks;

/// <summary>
/// Fits on the published reference data (tests/data): Pareto/NBD on the CDNOW summary (2,357 customers) and BG/BB on
/// the donations data (11,104 donors), the fits whose gradients are analytic since the models branch.
/// <c>dotnet run -c Release --project bench/Segmenta.Benchmarks -- --filter '*PublishedFit*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class PublishedFitBenchmarks
{
    private HistoryCells _cdnow = null!;
    private HistoryCells _donations = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = Path.Combine(RepoRoot(), "tests", "data");
        _cdnow = HistoryCells.Compress([.. Read(Path.Combine(data, "cdnow_customers_summary.csv"), f => new CustomerHistory(f[1], f[2], f[3]))]);
        _donations = HistoryCells.Compress([.. Read(Path.Combine(data, "donations.csv"), f => new CustomerHistory(f[0], f[1], f[2], f[3]))]);
    }

    [Benchmark]
    public ParetoNbdModel FitParetoNbdCdnow() => ParetoNbd.Fit(_cdnow);

    [Benchmark]
    public BgBbModel FitBgBbDonations() => BgBb.Fit(_donations);

    private static IEnumerable<CustomerHistory> Read(string path, Func<double[], CustomerHistory> row) =>
        File.ReadLines(path).Skip(1).Select(l => row([.. l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture))]));

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Segmenta.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Segmenta.slnx not found above " + AppContext.BaseDirectory);
    }
}
