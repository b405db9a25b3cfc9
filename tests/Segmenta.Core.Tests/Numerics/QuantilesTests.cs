using FsCheck;
using FsCheck.Xunit;
using Segmenta.Core.Numerics;

namespace Segmenta.Core.Tests.Numerics;

public class QuantilesTests
{
    private static readonly ValueHistogram OneToTen = ValueHistogram.FromValues(Enumerable.Range(1, 10).Select(i => (decimal?)i));

    // Hand-computed for x = 1..10 (and checked against R's quantile(1:10, p, type = t)).
    [Theory]
    [InlineData(QuantileDefinition.Linear, 0.25, "3.25")]   // h = 9·0.25 + 1 = 3.25
    [InlineData(QuantileDefinition.Linear, 0.5, "5.5")]
    [InlineData(QuantileDefinition.Linear, 0.1, "1.9")]
    [InlineData(QuantileDefinition.Linear, 0.0, "1")]
    [InlineData(QuantileDefinition.Linear, 1.0, "10")]
    [InlineData(QuantileDefinition.Weibull, 0.25, "2.75")]  // h = 11·0.25 = 2.75
    [InlineData(QuantileDefinition.Weibull, 0.1, "1.1")]
    [InlineData(QuantileDefinition.Weibull, 0.05, "1")]     // h = 0.55 < 1 → minimum
    [InlineData(QuantileDefinition.Weibull, 0.95, "10")]    // h = 10.45 ≥ N → maximum
    [InlineData(QuantileDefinition.InverseCdf, 0.25, "3")]  // ⌈2.5⌉ = 3
    [InlineData(QuantileDefinition.InverseCdf, 0.5, "5")]   // ⌈5⌉ = 5
    [InlineData(QuantileDefinition.InverseCdf, 0.0, "1")]
    [InlineData(QuantileDefinition.NearestEven, 0.25, "2")] // N·p − ½ = 2, exact and even → x₂
    [InlineData(QuantileDefinition.NearestEven, 0.35, "4")] // 3 exact and odd → x₄
    [InlineData(QuantileDefinition.NearestEven, 0.5, "5")]  // 4.5 → x₅
    public void Compute_OneToTen_MatchesHandComputed(QuantileDefinition definition, double p, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Quantiles.Compute(OneToTen, p, definition));

    [Fact]
    public void Compute_RepeatedValues_UsesCountsWithoutExpanding()
    {
        // 1 ×3, 5 ×1, 9 ×2: sorted 1 1 1 5 9 9; type 7 at 0.5: h = 3.5 → 1 + 0.5·(5 − 1) = 3.
        var h = new ValueHistogram([1m, 5m, 9m], [3, 1, 2], nullCount: 7);
        Assert.Equal(3m, Quantiles.Compute(h, 0.5));
        Assert.Equal(9m, Quantiles.Compute(h, 0.8)); // h = 5 → x₅ = 9
    }

    [Fact]
    public void Compute_HugeCounts_IsExact()
    {
        var h = new ValueHistogram([10m, 20m], [2_000_000_000L, 2_000_000_000L], 0);
        Assert.Equal(15m, Quantiles.Compute(h, 0.5)); // h = 2e9 + 0.5: halfway between x₍2e9₎ = 10 and x₍2e9+1₎ = 20
        Assert.Equal(10m, Quantiles.Compute(h, 0.25));
        Assert.Equal(20m, Quantiles.Compute(h, 0.6));
    }

    [Fact]
    public void Compute_EmptyHistogram_Throws() =>
        Assert.Throws<ArgumentException>(() => Quantiles.Compute(new ValueHistogram([], [], 3), 0.5));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Compute_ProbabilityOutOfRange_Throws(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Compute(OneToTen, p));

    [Fact]
    public void Mean_Histogram_IsExactDecimal()
    {
        var h = new ValueHistogram([0.1m, 0.2m], [1, 2], nullCount: 5);
        Assert.Equal(0.5m / 3, Quantiles.Mean(h));
        Assert.Null(Quantiles.Mean(new ValueHistogram([], [], 2)));
    }

    [Property(MaxTest = 300)]
    public bool Compute_AnyData_EqualsNaiveSortBasedImplementation(NonEmptyArray<short> raw, byte permille, byte definitionIndex)
    {
        var values = raw.Get.Select(v => v / 4m).ToArray();
        var p = Math.Min(permille, (byte)200) / 200.0;
        var definition = new[] { QuantileDefinition.Linear, QuantileDefinition.InverseCdf, QuantileDefinition.NearestEven, QuantileDefinition.Weibull }[definitionIndex % 4];
        var h = ValueHistogram.FromValues(values.Select(v => (decimal?)v));
        return Quantiles.Compute(h, p, definition) == NaiveQuantile(values, (decimal)p, definition);
    }

    [Property(MaxTest = 200)]
    public bool Mean_AnyData_EqualsNaiveMean(NonEmptyArray<int> raw)
    {
        var values = raw.Get.Select(v => (decimal)v).ToArray();
        return Quantiles.Mean(ValueHistogram.FromValues(values.Select(v => (decimal?)v))) == values.Sum() / values.Length;
    }

    /// <summary>Textbook definitions (Hyndman &amp; Fan 1996) over a fully expanded, sorted array.</summary>
    private static decimal NaiveQuantile(decimal[] values, decimal p, QuantileDefinition definition)
    {
        var x = values.Order().ToArray();
        var n = x.Length;
        decimal X(long j) => x[Math.Clamp(j, 1, n) - 1];
        decimal Lerp(decimal h)
        {
            var j = (long)decimal.Floor(h);
            return X(j) + ((h - j) * (X(j + 1) - X(j)));
        }
        switch (definition)
        {
            case QuantileDefinition.Linear:
                return Lerp(((n - 1) * p) + 1);
            case QuantileDefinition.Weibull:
                var h6 = (n + 1) * p;
                return h6 < 1 ? x[0] : h6 >= n ? x[^1] : Lerp(h6);
            case QuantileDefinition.InverseCdf:
                return p == 0 ? x[0] : X((long)decimal.Ceiling(n * p));
            default:
                var np = (n * p) - 0.5m;
                var j = (long)decimal.Floor(np);
                return np == j && j % 2 == 0 ? X(j) : X(j + 1);
        }
    }
}
