using Segmenta.Core.Clv;
using Segmenta.Core.Clv.Validation;

namespace Segmenta.Core.Tests.Clv.Validation;

public class HoldoutValidationTests
{
    private static readonly BgNbdModel Cdnow = new(0.243, 4.414, 0.793, 2.426);

    [Fact]
    public void Compare_HandComputed_TotalsErrorsAndBins()
    {
        CustomerHistory[] h = [new(0, 0, 10), new(1, 2, 10), new(9, 8, 10, Weight: 2)];
        double[] predicted = [0.5, 1, 4];
        double[] actual = [0, 2, 4];
        var c = HoldoutValidation.Compare(h, predicted, actual, maxFrequency: 2);
        Assert.Equal(4, c.Customers);
        Assert.Equal(0.5 + 1 + 8, c.PredictedTotal, 12);
        Assert.Equal(0 + 2 + 8, c.ActualTotal, 12);
        Assert.Equal((0.5 + 1) / 4, c.MeanAbsoluteError, 12);
        Assert.Equal(Math.Sqrt((0.25 + 1) / 4), c.RootMeanSquaredError, 12);
        Assert.Equal(["0", "1", "2+"], c.ByFrequency.Select(b => b.Label));
        Assert.Equal(2, c.ByFrequency[2].Customers);
        Assert.Equal(4, c.ByFrequency[2].MeanPredicted, 12);
        Assert.Equal(c.Customers, c.ByFrequency.Sum(b => b.Customers), 12);
    }

    [Fact]
    public void Compare_EmptyInput_ZeroTotalsNaNErrors()
    {
        var c = HoldoutValidation.Compare([], [], []);
        Assert.Equal(0, c.Customers);
        Assert.True(double.IsNaN(c.MeanAbsoluteError));
        Assert.All(c.ByFrequency, b => Assert.True(double.IsNaN(b.MeanActual)));
        Assert.Equal(8, c.ByFrequency.Count);
    }

    [Fact]
    public void Tracking_TwoCohorts_MatchesHandSum()
    {
        FirstPurchaseCohort[] cohorts = [new(0, 10), new(3, 5)];
        double[] repeats = [0, 1, 0, 2, 0, 0, 1, 4, 0, 0];
        var points = HoldoutValidation.Tracking(Cdnow, TimeUnit.Week, cohorts, repeats, lastDay: 9);
        Assert.Equal(2, points.Count);
        Assert.Equal(6, points[0].EndDay);
        Assert.Equal(4, points[0].ActualCumulative);
        Assert.Equal(10 * Cdnow.ExpectedPurchases(6 / 7.0) + 5 * Cdnow.ExpectedPurchases(3 / 7.0), points[0].ModelCumulative, 10);
        Assert.Equal(9, points[1].EndDay);
        Assert.Equal(8, points[1].ActualCumulative);
        Assert.Equal(10 * Cdnow.ExpectedPurchases(9 / 7.0) + 5 * Cdnow.ExpectedPurchases(6 / 7.0), points[1].ModelCumulative, 10);
    }

    [Fact]
    public void Tracking_CohortStartingOnWeekEnd_AddsNothingYet()
    {
        var points = HoldoutValidation.Tracking(Cdnow, TimeUnit.Day, [new FirstPurchaseCohort(6, 3)], [], lastDay: 6);
        Assert.Single(points);
        Assert.Equal(0, points[0].ModelCumulative);
        Assert.Equal(0, points[0].ActualCumulative);
    }

    [Fact]
    public void CalibrationHistogram_ModelSumsToCustomers()
    {
        CustomerHistory[] h = [new(0, 0, 30), new(2, 10, 30), new(12, 20, 35)];
        var bins = HoldoutValidation.CalibrationHistogram(Cdnow, h);
        Assert.Equal(3, bins.Sum(b => b.ModelCustomers), 9);
        Assert.Equal(3, bins.Sum(b => b.ActualCustomers));
        Assert.Equal(1, bins[^1].ActualCustomers);
        Assert.Equal(Cdnow.ProbabilityOfPurchases(30, 0) * 2 + Cdnow.ProbabilityOfPurchases(35, 0), bins[0].ModelCustomers, 12);
    }
}
