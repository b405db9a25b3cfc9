using Segmenta.Core.Clustering;

namespace Segmenta.Core.Tests.Clustering;

public class ClusterNamerTests
{
    private static readonly string[] Features = ["recency_days", "orders", "monetary_total", "tenure_days"];

    [Fact]
    public void Name_MostDistinctiveFeaturesFirst_InBothLanguages()
    {
        var names = ClusterNamer.Name(Features, [[-0.9, 1.2, 1.5, 0.1], [1.3, -0.8, -0.6, 0.2]]);

        Assert.Equal("high value · frequent · recent", names[0].En);
        Assert.Equal("高价值 · 高频 · 近期活跃", names[0].ZhCn);
        Assert.Equal("lapsed · infrequent · low value", names[1].En);
        Assert.Equal("久未购买 · 低频 · 低价值", names[1].ZhCn);
    }

    [Fact]
    public void Name_NoDistinctiveFeature_IsAverage()
    {
        var names = ClusterNamer.Name(Features, [[0.1, -0.2, 0.3, 0.0], [2, 0, 0, 0]]);
        Assert.Equal("average", names[0].En);
        Assert.Equal("普通", names[0].ZhCn);
    }

    [Fact]
    public void Name_ClashingNames_AreLengthenedThenNumbered()
    {
        var names = ClusterNamer.Name(Features, [[0, 2, 0, 0.3], [0, 2, 0, -0.3], [0, 2, 0, -0.3]]);

        Assert.Equal("frequent · long-standing", names[0].En);
        Assert.Equal("frequent · new", names[1].En);
        Assert.Equal("frequent · new 2", names[2].En);
        Assert.Equal(3, names.Select(n => n.ZhCn).Distinct().Count());
    }

    [Fact]
    public void Profiles_PlantedClusters_UniqueNamesAndSharesSumToOne()
    {
        var (matrix, _) = ClusterData.Planted(1000, 4);
        var result = KMeans.Fit(matrix, KMeansOptions.FixedK(4));

        var profiles = ClusterProfiles.Build(matrix, result.Model, result.Labels);

        Assert.Equal(4, profiles.Count);
        Assert.Equal(1.0, profiles.Sum(p => p.Share), 12);
        Assert.Equal(4, profiles.Select(p => p.Name.En).Distinct().Count());
        Assert.True(profiles.Zip(profiles.Skip(1)).All(p => p.First.Size >= p.Second.Size));
        // The cluster with the most orders is called frequent.
        var top = profiles.MaxBy(p => p.Means[1])!;
        Assert.Contains("frequent", top.Name.En, StringComparison.Ordinal);
        Assert.Equal(profiles.Sum(p => p.Size * p.Means[1]) / 1000, matrix.Column(1).Average(), 9);
    }
}
