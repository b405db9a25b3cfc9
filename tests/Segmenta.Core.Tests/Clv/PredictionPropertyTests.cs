using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Segmenta.Core.Clv;

namespace Segmenta.Core.Tests.Clv;

public class PredictionPropertyTests
{
    private static readonly ITransactionModel[] Models =
    [
        new BgNbdModel(0.243, 4.414, 0.793, 2.426),
        new MbgNbdModel(0.525, 6.183, 0.891, 1.614),
        new ParetoNbdModel(0.553, 10.578, 0.606, 11.669),
    ];

    private static Arbitrary<(int X, double Tx, double T, double Horizon)> Histories() =>
        (from x in Gen.Choose(0, 60)
         from tFrac in Gen.Choose(0, 1000)
         from txFrac in Gen.Choose(0, 1000)
         from h in Gen.Choose(1, 200)
         let t = 0.1 + 80.0 * tFrac / 1000
         select (x, x == 0 ? 0.0 : t * txFrac / 1000, t, (double)h)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Predictions_AnyHistory_AreProbabilitiesAndNonNegativeCounts() =>
        Prop.ForAll(Histories(), h =>
        {
            foreach (var m in Models)
            {
                var alive = m.ProbabilityAlive(h.X, h.Tx, h.T);
                var e = m.ExpectedPurchases(h.Horizon, h.X, h.Tx, h.T);
                var longer = m.ExpectedPurchases(h.Horizon * 2, h.X, h.Tx, h.T);
                if (!(alive is >= 0 and <= 1) || !(e >= 0) || !double.IsFinite(e) || longer < e) return false;
            }
            return true;
        });

    [Property(MaxTest = 200)]
    public Property ProbabilityAlive_LaterLastPurchase_NotLower() =>
        Prop.ForAll(Histories(), h =>
        {
            if (h.X == 0) return true;
            foreach (var m in Models)
                if (m.ProbabilityAlive(h.X, h.T, h.T) + 1e-12 < m.ProbabilityAlive(h.X, h.Tx, h.T)) return false;
            return true;
        });

    [Fact]
    public void Fit_IterationCapHit_ThrowsUnlessAccepted()
    {
        var cells = HistoryCells.Compress(ReferenceData.CdnowSummary());
        var tight = new FitOptions { MaxIterations = 2, Starts = 1 };
        var e = Assert.Throws<SegmentaInputException>(() => BgNbd.Fit(cells, tight));
        Assert.Contains("bgnbd", e.Message, StringComparison.Ordinal);
        var accepted = BgNbd.Fit(cells, tight with { AcceptNonConverged = true });
        Assert.False(accepted.Fit!.Converged);
        Assert.True(accepted.IsValidParameterSet);
    }
}
