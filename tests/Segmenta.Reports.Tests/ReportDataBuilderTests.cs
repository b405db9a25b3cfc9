using Segmenta.Core.Reporting;
using Segmenta.Data.Reporting;

namespace Segmenta.Reports.Tests;

[Collection(ReportGroup.Name)]
public sealed class ReportDataBuilderTests(ReportFixture fixture)
{
    private readonly ReportData _data = fixture.Data;

    [Fact]
    public void Build_CdnowStore_OverviewAndRowAccountingMatchTheRun()
    {
        Assert.Equal(fixture.Run.Result.Features.Customers, _data.Overview.Customers);
        Assert.Equal(fixture.Scalar("SELECT count(*) FROM customer_segments"), _data.Overview.Customers);
        Assert.Equal(fixture.Scalar("SELECT CAST(sum(orders) AS BIGINT) FROM customer_features"), _data.Overview.Orders);
        Assert.Equal(fixture.Run.Transactions.RowsRead, _data.DataQuality.RowsRead);
        Assert.Equal(_data.DataQuality.RowsRead, _data.DataQuality.RowsAccepted + _data.DataQuality.RowsRejected);
        Assert.Equal(fixture.Run.Result.Schemes.Select(s => s.Name), _data.Schemes.Select(s => s.Name));
        foreach (var (scheme, section) in fixture.Run.Result.Schemes.Zip(_data.Schemes))
            Assert.Equal(scheme.Segments.Select(s => s.Customers), section.Segments.Select(s => s.Customers));
    }

    [Fact]
    public void Build_RfmGrid_CountsEveryCustomerOnce()
    {
        var rfm = Assert.IsType<RfmSection>(_data.Rfm);
        Assert.Equal(_data.Overview.Customers, rfm.Grid.Sum(c => c.Customers));
        Assert.Equal(_data.Overview.Customers, rfm.RecencyScores.Sum(c => c.Customers));
        var champions = fixture.Scalar("SELECT count(*) FROM customer_segments WHERE rfm_r = 5 AND rfm_f = 5");
        Assert.Equal(champions, rfm.Grid.Single(c => c.R == 5 && c.F == 5).Customers);
    }

    [Fact]
    public void Build_Matrix_QuadrantsCoverEveryCustomerAndSampleIsBounded()
    {
        var m = Assert.Single(_data.Matrices);
        Assert.Equal(_data.Overview.Customers, m.Population);
        Assert.Equal(ReportBuildOptions.DefaultScatterSample, m.Sample.Count);
        Assert.All(m.Sample, p => Assert.Equal(p.X > m.XSplit ? "high" : "low", p.Quadrant.Split('_')[0]));
        var above = fixture.Scalar($"SELECT count(*) FROM customer_features WHERE orders > {m.XSplit.ToString(System.Globalization.CultureInfo.InvariantCulture)} AND monetary_total > {m.YSplit.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        Assert.Equal(above, m.Quadrants.Single(q => q.Key == "high_high").Customers);
    }

    [Fact]
    public void Build_Pareto_CurveRisesFromZeroToOneAndMatchesAbcShares()
    {
        var p = Assert.IsType<ParetoSection>(_data.Pareto);
        Assert.Equal(0, p.Curve[0].RevenueShare);
        Assert.Equal(1, p.Curve[^1].CustomerShare, 9);
        Assert.Equal(1, p.Curve[^1].RevenueShare, 6);
        Assert.All(p.Curve.Zip(p.Curve.Skip(1)), pair => Assert.True(pair.Second.RevenueShare >= pair.First.RevenueShare - 1e-12));
        Assert.Equal(0.80, p.ALimit, 9);
        Assert.Equal(1, p.Classes.Sum(c => c.CustomerShare), 9);
        // Class A is the customers before the 80 % crossing: the curve at their share is at most one customer's spend past 80 %.
        var a = p.Classes.Single(c => c.Class == "A");
        Assert.InRange(a.RevenueShare, 0.79, 0.82);
    }

    [Fact]
    public void Build_Clv_HistogramCountsEveryCustomerAndGridsAreProbabilities()
    {
        var clv = Assert.IsType<ClvSection>(_data.Clv);
        Assert.Equal(12, clv.HorizonMonths);
        Assert.Equal(fixture.Scalar("SELECT count(*) FROM customer_segments WHERE clv_12m IS NOT NULL"), clv.Distribution.Sum(b => b.Count));
        Assert.Equal(fixture.Scalar("SELECT count(*) FROM customer_segments WHERE p_alive < 0.5"), clv.LikelyInactive);
        Assert.All(clv.AliveGrid.Values.SelectMany(r => r).Where(double.IsFinite), v => Assert.InRange(v, 0, 1));
        Assert.Equal(_data.Overview.Customers, clv.AliveGrid.Counts.SelectMany(r => r).Sum());
        Assert.True(clv.TopCustomers.Zip(clv.TopCustomers.Skip(1)).All(p => p.First.Clv >= p.Second.Clv));
        Assert.Contains("bgnbd", clv.Models.Keys);
    }

    [Fact]
    public void Build_CustomerTable_YieldsEveryCustomerWithEverySegmentColumn()
    {
        var table = Assert.IsType<CustomerTable>(_data.Customers);
        Assert.Equal(_data.Overview.Customers, table.RowCount);
        Assert.Equal(table.RowCount, table.Rows().LongCount());
        Assert.Equal(_data.Schemes.Select(s => s.SegmentColumn), table.Columns.Where(c => c.Scheme is not null).Select(c => c.Name));
    }

    [Fact]
    public void Build_OptionalSectionsWithoutData_AreAbsent()
    {
        Assert.Empty(_data.Stages);
        Assert.Null(_data.Clusters);
        Assert.Empty(_data.Migrations);
        Assert.Empty(_data.Alerts);
    }

    [Fact]
    public void Build_StoreWithoutRun_FailsWithInputError()
    {
        using var connection = Data.DuckDb.DuckDbStore.Open(":memory:");
        var ex = Assert.Throws<Core.SegmentaInputException>(() => ReportDataBuilder.Build(connection));
        Assert.Contains("segmenta segment", ex.Message, StringComparison.Ordinal);
    }
}
