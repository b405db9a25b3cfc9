using Segmenta.Data.Sql;

namespace Segmenta.Data.Tests.Engines;

public class HistogramMergeTests
{
    [Fact]
    public void HistogramOf_DoublesRoundingToOneValue_MergedWithSummedCounts()
    {
        // 1/7 and 0.1428574 are distinct doubles with the same 6-decimal value.
        decimal[] values = [EngineSql.HistogramValue(0.1), EngineSql.HistogramValue(1.0 / 7), EngineSql.HistogramValue(0.1428574), EngineSql.HistogramValue(0.5)];
        var histogram = EngineSql.HistogramOf(values, [4, 2, 3, 1], nulls: 5);

        Assert.Equal([0.1m, 0.142857m, 0.5m], histogram.Values);
        Assert.Equal([4L, 5L, 1L], histogram.Counts);
        Assert.Equal(5, histogram.NullCount);
    }

    [Fact]
    public void HistogramValue_FastPath_SameDecimalAsTextRoundTrip()
    {
        var random = new Random(7);
        var samples = new List<double> { 0, -0.0, 1e-7, 5e-7, 4.9999999e-7, -5e-7, 0.1, 1.0 / 3, 123456.7890125, 1e15, 4.5e15, 9.9e18, 1e22, -2.5e-5, double.Epsilon };
        for (var i = 0; i < 20_000; i++)
        {
            samples.Add((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-9, 20)));
            samples.Add(Math.Round(random.NextDouble() * 10_000, random.Next(0, 8)));
            samples.Add(BitConverter.Int64BitsToDouble((long)(random.NextInt64() & 0x7FEF_FFFF_FFFF_FFFF)));
        }
        foreach (var v in samples.Where(double.IsFinite).Where(v => Math.Abs(v) < 7e22))
        {
            var expected = decimal.Parse(v.ToString("F6", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
            var actual = EngineSql.HistogramValue(v);
            Assert.True(expected == actual && expected.Scale == actual.Scale && expected.ToString(System.Globalization.CultureInfo.InvariantCulture) == actual.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{v:R}: expected {expected}, got {actual}");
        }
    }
}
