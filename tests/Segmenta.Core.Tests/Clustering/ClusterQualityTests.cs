using Segmenta.Core.Clustering;

namespace Segmenta.Core.Tests.Clustering;

public class ClusterQualityTests
{
    private static readonly FeatureMatrix Line = new(["x"], [0, 1, 10, 11]);
    private static readonly int[] HalfA = [0, 0, 0, 1, 1, 1];
    private static readonly int[] HalfB = [0, 0, 1, 1, 2, 2];
    private static readonly int[] Numbers = [1, 1, 2, 2, 3];
    private static readonly string[] Letters = ["b", "b", "a", "a", "c"];

    [Fact]
    public void Silhouette_TwoPairsOnALine_MatchesHandComputation()
    {
        // Point 0: a = 1, b = (10 + 11) / 2 = 10.5 → s = 9.5 / 10.5; point 1: a = 1, b = 9.5 → s = 8.5 / 9.5; symmetric.
        var expected = ((9.5 / 10.5) + (8.5 / 9.5)) / 2;
        Assert.Equal(expected, ClusterQuality.Silhouette(Line, [0, 0, 1, 1]), 12);
    }

    [Fact]
    public void Silhouette_SingletonScoresZeroAndOneClusterIsNaN()
    {
        // Points 0 and 1 in one cluster, 10 alone: s(10) = 0 by definition.
        var points = new FeatureMatrix(["x"], [0, 1, 10]);
        var s = ClusterQuality.Silhouette(points, [0, 0, 1]);
        var expected = ((1 - (1 / 10.0)) + (1 - (1 / 9.0)) + 0) / 3;
        Assert.Equal(expected, s, 12);
        Assert.True(double.IsNaN(ClusterQuality.Silhouette(points, [0, 0, 0])));
    }

    [Fact]
    public void CalinskiHarabasz_TwoPairsOnALine_MatchesHandComputation()
    {
        // Mean 5.5; B = 2·5² + 2·5² = 100; W = 4 · 0.5² = 1; CH = (100 / 1) / (1 / 2) = 200.
        Assert.Equal(200, ClusterQuality.CalinskiHarabasz(Line, [0, 0, 1, 1]), 9);
    }

    [Fact]
    public void AdjustedRandIndex_SmallTable_MatchesHandComputation()
    {
        // Σ C(nij,2) = 2, Σ C(ai,2) = 6, Σ C(bj,2) = 3, C(6,2) = 15: E = 1.2, ARI = (2 − 1.2) / (4.5 − 1.2) = 0.2424…
        Assert.Equal(0.8 / 3.3, AdjustedRandIndex.Compute(HalfA, HalfB), 12);
    }

    [Fact]
    public void AdjustedRandIndex_RenamedLabels_IsOne()
    {
        Assert.Equal(1.0, AdjustedRandIndex.Compute(Numbers, Letters), 12);
    }

    [Fact]
    public void AdjustedRandIndex_IndependentRandomLabels_NearZero()
    {
        var rng = new Random(1);
        var a = Enumerable.Range(0, 20_000).Select(_ => rng.Next(4)).ToArray();
        var b = Enumerable.Range(0, 20_000).Select(_ => rng.Next(5)).ToArray();
        Assert.InRange(AdjustedRandIndex.Compute(a, b), -0.01, 0.01);
    }
}
