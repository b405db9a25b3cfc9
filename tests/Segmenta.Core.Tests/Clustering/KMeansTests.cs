using Segmenta.Core.Clustering;

namespace Segmenta.Core.Tests.Clustering;

public class KMeansTests
{
    [Fact]
    public void Fit_PlantedClustersFromGenerator_ChoosesPlantedKAndRecoversThem()
    {
        // Acceptance (issue 5): generated data with K = 4 planted groups → silhouette picks 4 and ARI ≥ 0.9.
        var (matrix, truth) = ClusterData.Planted(customers: 2000, clusters: 4);

        var result = KMeans.Fit(matrix, new KMeansOptions { MinK = 2, MaxK = 10 });

        Assert.Equal(4, result.ChosenK);
        var ari = AdjustedRandIndex.Compute(truth, result.Labels);
        Assert.True(ari >= 0.9, $"ARI {ari:F3}");
        Assert.Equal(9, result.Scores.Count);
        Assert.All(result.Scores, s => Assert.True(s.Inertia > 0 && double.IsFinite(s.CalinskiHarabasz)));
        // The elbow: with the planted k the within-cluster sum of squares is far below that of k = 2.
        Assert.True(result.Scores[2].Inertia < result.Scores[0].Inertia / 2, $"inertia k=4 {result.Scores[2].Inertia}, k=2 {result.Scores[0].Inertia}");
    }

    [Fact]
    public void Fit_ThreeSeparatedBlobs_RecoversThemExactly()
    {
        var (matrix, truth) = ClusterData.Blobs([[0, 0], [10, 0], [0, 10]], perBlob: 300, spread: 1, seed: 7);

        var result = KMeans.Fit(matrix, new KMeansOptions { MinK = 2, MaxK = 6 }, new FeatureTransformOptions { Log1p = Log1pPolicy.Never });

        Assert.Equal(3, result.ChosenK);
        Assert.Equal(1.0, AdjustedRandIndex.Compute(truth, result.Labels), 10);
    }

    [Fact]
    public void Fit_SameSeed_SameResultForAnyThreadCountAndWithSampling()
    {
        // More rows than one chunk and than the fit sample, so the chunked reduction and the sample path both run.
        var (matrix, _) = ClusterData.Blobs([[0, 0, 0], [4, 4, 0], [0, 4, 4], [4, 0, 4]], perBlob: 3000, spread: 1.5, seed: 3);
        var options = new KMeansOptions { MinK = 3, MaxK = 5, FitSampleSize = 2000, SilhouetteSampleSize = 500, Seed = 11 };

        var one = KMeans.Fit(matrix, options with { MaxDegreeOfParallelism = 1 });
        var two = KMeans.Fit(matrix, options with { MaxDegreeOfParallelism = 2 });
        var four = KMeans.Fit(matrix, options with { MaxDegreeOfParallelism = 4 });

        Assert.Equal(one.Labels, two.Labels);
        Assert.Equal(one.Labels, four.Labels);
        Assert.Equal(one.Scores.Select(s => s.Inertia), two.Scores.Select(s => s.Inertia));
        Assert.Equal(one.Scores.Select(s => s.Silhouette), four.Scores.Select(s => s.Silhouette));
        Assert.Equal(4, one.ChosenK);
    }

    [Fact]
    public void Fit_ClustersNumberedBySizeLargestFirst()
    {
        var small = ClusterData.Blobs([[0, 0]], 100, 0.5, 1).Matrix;
        var large = ClusterData.Blobs([[20, 20]], 400, 0.5, 2).Matrix;
        var matrix = new FeatureMatrix(small.Columns, [.. small.Values, .. large.Values]);

        var result = KMeans.Fit(matrix, KMeansOptions.FixedK(2), new FeatureTransformOptions { Log1p = Log1pPolicy.Never });

        Assert.Equal(400, result.Labels.Count(l => l == 0));
        Assert.All(result.Labels.Skip(100), l => Assert.Equal(0, l));
    }

    [Fact]
    public void Fit_FewerCustomersThanClusters_IsInputError()
    {
        var matrix = new FeatureMatrix(["x"], [1, 2, 3]);
        Assert.Throws<SegmentaInputException>(() => KMeans.Fit(matrix, KMeansOptions.FixedK(4)));
    }

    [Fact]
    public void Assign_NewRows_NearestCentroid()
    {
        var (matrix, _) = ClusterData.Blobs([[0, 0], [10, 10]], 200, 1, 5);
        var result = KMeans.Fit(matrix, KMeansOptions.FixedK(2), new FeatureTransformOptions { Log1p = Log1pPolicy.Never });

        var labels = result.Model.Assign(new FeatureMatrix(matrix.Columns, [0.2, -0.1, 9.8, 10.3]));

        Assert.Equal(result.Labels[0], labels[0]);
        Assert.Equal(result.Labels[^1], labels[1]);
        Assert.NotEqual(labels[0], labels[1]);
        var centroids = result.Model.CentroidsInFeatureUnits();
        Assert.Contains(centroids, c => Math.Abs(c[0] - 10) < 0.3 && Math.Abs(c[1] - 10) < 0.3);
    }
}
