using Segmenta.Core.Propensity;

namespace Segmenta.Core.Tests.Propensity;

public class RocAucTests
{
    [Fact]
    public void Compute_FourScores_MatchesHandCount()
    {
        // Pairs (positive, negative): 0.35>0.1 yes, 0.35>0.4 no, 0.8>0.1 yes, 0.8>0.4 yes → 3 of 4.
        var auc = RocAuc.Compute([0.1, 0.4, 0.35, 0.8], [false, false, true, true]);

        Assert.Equal(0.75, auc.Auc, 12);
        Assert.Equal(2, auc.Positives);
        Assert.Equal(2, auc.Negatives);
        // Hanley & McNeil (1982) eq. (2): Q1 = 0.75/1.25 = 0.6, Q2 = 2·0.5625/1.75 = 0.642857…;
        // SE² = (0.1875 + (0.6 − 0.5625) + (0.642857… − 0.5625)) / 4 = 0.0763393; SE = 0.276296.
        Assert.Equal(Math.Sqrt((0.1875 + 0.0375 + ((2 * 0.5625 / 1.75) - 0.5625)) / 4), auc.StandardError, 12);
        Assert.Equal(0.276296, auc.StandardError, 5);
    }

    [Fact]
    public void Compute_TiesBetweenClasses_CountHalf()
    {
        // Positive 0.5 ties negative 0.5 (½) and beats negative 0.2 (1); positive 0.9 beats both (2) → 3.5 / 4.
        var auc = RocAuc.Compute([0.5, 0.5, 0.2, 0.9], [true, false, false, true]);

        Assert.Equal(0.875, auc.Auc, 12);
    }

    [Fact]
    public void Compute_OneClassOnly_NaN()
    {
        var auc = RocAuc.Compute([0.1, 0.2], [true, true]);

        Assert.True(double.IsNaN(auc.Auc));
        Assert.Equal(0, auc.Negatives);
    }

    [Fact]
    public void Compute_ReversedScores_OneMinusAuc()
    {
        double[] scores = [0.3, 0.9, 0.1, 0.7, 0.5, 0.2];
        bool[] labels = [true, false, true, true, false, false];
        var auc = RocAuc.Compute(scores, labels).Auc;
        var reversed = RocAuc.Compute([.. scores.Select(s => -s)], labels).Auc;

        Assert.Equal(1, auc + reversed, 12);
    }
}
