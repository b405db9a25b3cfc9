using BenchmarkDotNet.Attributes;
using Segmenta.Core.Clv;
using Segmenta.Core.Synthetic;

namespace Segmenta.Benchmarks;

/// <summary>
/// Model fitting and prediction at the large standard size (10M transactions, ≈3M customers, BTYD day level,
/// weeks). Fits run on compressed (x, tₓ, T) cells, so their cost follows the number of distinct cells.
/// <c>dotnet run -c Release --project bench/Segmenta.Benchmarks -- --filter '*ModelFit*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class ModelFitBenchmarks
{
    private CustomerHistory[] _histories = [];
    private HistoryCells _cells = null!;
    private SpendHistory[] _spend = [];
    private BgNbdModel _model = null!;
    private double[] _output = [];

    [Params(10_000_000L)]
    public long Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        const int asOf = SyntheticCalendar.WindowDays - 1;
        var customers = TransactionSimulator.Simulate(new SyntheticOptions { Rows = Rows, Seed = 42 }).ToList();
        _histories = [.. customers.Select(c =>
        {
            var days = c.Purchases.Select(p => p.Day).Distinct().Count();
            var last = c.Purchases.Max(p => p.Day);
            return new CustomerHistory(days - 1, (last - c.FirstPurchaseDay) / 7.0, (asOf - c.FirstPurchaseDay) / 7.0);
        })];
        _spend = [.. customers.Where(c => c.Purchases.Select(p => p.Day).Distinct().Count() > 1).Select(c =>
        {
            var byDay = c.Purchases.GroupBy(p => p.Day).OrderBy(g => g.Key).Select(g => g.Sum(p => p.AmountCents) / 100.0).ToList();
            return new SpendHistory(byDay.Count - 1, byDay.Skip(1).Average());
        })];
        _cells = HistoryCells.Compress(_histories);
        _model = BgNbd.Fit(_cells);
        _output = new double[_histories.Length];
        Console.WriteLine($"// customers {_histories.Length:N0}, distinct cells {_cells.Length:N0}, compression {(double)_histories.Length / _cells.Length:F1}x, spend customers {_spend.Length:N0}");
    }

    [Benchmark]
    public HistoryCells Compress() => HistoryCells.Compress(_histories);

    [Benchmark]
    public BgNbdModel FitBgNbd() => BgNbd.Fit(_cells);

    [Benchmark]
    public GammaGammaModel FitGammaGamma() => GammaGamma.Fit(_spend);

    [Benchmark]
    public double[] PredictProbabilityAlive()
    {
        _model.ProbabilityAlive(_histories, _output);
        return _output;
    }

    [Benchmark]
    public double[] PredictExpectedPurchases52Weeks()
    {
        _model.ExpectedPurchases(52, _histories, _output);
        return _output;
    }
}
