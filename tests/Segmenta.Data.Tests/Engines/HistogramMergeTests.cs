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
}
