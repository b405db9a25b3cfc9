using Segmenta.Core.Clv;

namespace Segmenta.Core.Tests.Clv;

public class HistoryCellsTests
{
    [Fact]
    public void Compress_DuplicateHistories_MergedWithCounts()
    {
        var cells = HistoryCells.Compress([new(2, 5, 10), new(2, 5, 10, 2), new(0, 3, 10), new(0, 0, 10)]);
        Assert.Equal(2, cells.Length);
        Assert.Equal(5, cells.NumberOfCustomers);
        Assert.Equal(3, cells.RepeatBuyers);
        // Cells are sorted by (x, tₓ, T).
        Assert.Equal(new HistoryCell(0, 0, 10, 2), cells[0]);
        Assert.Equal(new HistoryCell(2, 5, 10, 3), cells[1]);
    }

    [Fact]
    public void Compress_CdnowSummary_FewerCellsThanCustomers()
    {
        var cells = HistoryCells.Compress(ReferenceData.CdnowSummary());
        Assert.Equal(2357, cells.NumberOfCustomers);
        Assert.True(cells.Length < 2357);
    }

    [Fact]
    public void Compress_ReversedInput_SameCells()
    {
        var customers = ReferenceData.CdnowSummary();
        var forward = HistoryCells.Compress(customers);
        var backward = HistoryCells.Compress([.. customers.Reverse()]);
        Assert.Equal(forward.Length, backward.Length);
        for (var i = 0; i < forward.Length; i++) Assert.Equal(forward[i], backward[i]);
    }

    [Fact]
    public void Subsample_CountsScaled_TotalApproximatelyPreserved()
    {
        var cells = HistoryCells.Compress(ReferenceData.CdnowSummary());
        var sample = cells.Subsample(10);
        Assert.InRange(sample.Length, cells.Length / 10 - 1, cells.Length / 10 + 1);
        Assert.InRange(sample.NumberOfCustomers, 0.7 * cells.NumberOfCustomers, 1.3 * cells.NumberOfCustomers);
    }

    [Theory]
    [InlineData(1.5, 1, 2, 1)]
    [InlineData(-1, 0, 2, 1)]
    [InlineData(1, 3, 2, 1)]
    [InlineData(1, 1, 2, 0)]
    [InlineData(1, double.NaN, 2, 1)]
    public void Compress_InvalidHistory_ThrowsWithRow(double x, double tx, double t, double w)
    {
        var e = Assert.Throws<SegmentaInputException>(() => HistoryCells.Compress([new(1, 1, 2), new(x, tx, t, w)]));
        Assert.Contains("row 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeUnits_Conversions_AreExplicit()
    {
        Assert.Equal(2, TimeUnits.FromDays(14, TimeUnit.Week));
        Assert.Equal(30.4375, TimeUnits.DaysPer(TimeUnit.Month));
        Assert.Equal(12, TimeUnits.PerYear(TimeUnit.Month), 12);
        Assert.Equal(7.0 / 30.4375, TimeUnits.Convert(1, TimeUnit.Week, TimeUnit.Month), 15);
    }
}
