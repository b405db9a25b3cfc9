using Segmenta.Core.Recommendations;

namespace Segmenta.Core.Tests.Recommendations;

public class ProductAffinityTests
{
    // Hand-made table: segment A bought x 6, y 2 (8); segment B bought x 2, y 8, z 2 (12). Overall 20: x 8, y 10, z 2.
    private static readonly SegmentItemCount[] Counts =
    [
        new("A", "x", 6), new("A", "y", 2), new("B", "x", 2), new("B", "y", 8), new("B", "z", 2),
    ];

    [Fact]
    public void Compute_HandTable_Lift()
    {
        var rows = ProductAffinity.Compute(Counts).ToDictionary(r => (r.Segment, r.Item));

        // lift(A, x) = (6/8) / (8/20) = 1.875; lift(A, y) = (2/8) / (10/20) = 0.5
        Assert.Equal(1.875, rows[("A", "x")].Lift, 12);
        Assert.Equal(0.5, rows[("A", "y")].Lift, 12);
        // lift(B, y) = (8/12) / (10/20) = 1.3333; lift(B, z) = (2/12) / (2/20) = 1.6667; lift(B, x) = (2/12)/(8/20) = 0.41667
        Assert.Equal(4.0 / 3, rows[("B", "y")].Lift, 12);
        Assert.Equal(5.0 / 3, rows[("B", "z")].Lift, 12);
        Assert.Equal(5.0 / 12, rows[("B", "x")].Lift, 12);
        Assert.Equal(0.75, rows[("A", "x")].SegmentShare, 12);
        Assert.Equal(0.4, rows[("A", "x")].OverallShare, 12);
    }

    [Fact]
    public void Recommend_SkipsBoughtItems_RanksBySegmentShare_FillsFromPopularity()
    {
        var affinity = ProductAffinity.Compute(Counts);
        var recommender = SegmentRecommender.Build(affinity, new RecommendationOptions { Top = 3, MinSupport = 1 });

        // B's shares: y 8/12, x 2/12, z 2/12 (tie: lift z 1.67 > x 0.42).
        var b = recommender.Recommend("B", new HashSet<string>());
        Assert.Equal(["y", "z", "x"], b.Select(r => r.Item));
        Assert.All(b, r => Assert.True(r.FromSegment));
        Assert.Equal(8.0 / 12, b[0].Score, 12);

        // A customer of A who bought x: y from the segment, then z from overall popularity.
        var a = recommender.Recommend("A", new HashSet<string> { "x" });
        Assert.Equal(["y", "z"], a.Select(r => r.Item));
        Assert.True(a[0].FromSegment);
        Assert.False(a[1].FromSegment);
        Assert.Equal(0.1, a[1].Score, 12);
    }

    [Fact]
    public void Recommend_MinLiftOne_OnlyOverBoughtItems()
    {
        var recommender = SegmentRecommender.Build(ProductAffinity.Compute(Counts), new RecommendationOptions { Top = 1, MinLift = 1, MinSupport = 1 });

        Assert.Equal("z", recommender.Recommend("B", new HashSet<string> { "y" })[0].Item);
        Assert.Equal("x", recommender.Recommend("A", new HashSet<string>())[0].Item);
    }

    [Fact]
    public void Popularity_TopNNotBought()
    {
        var popularity = new PopularityRecommender(ProductAffinity.Compute(Counts), 2);

        Assert.Equal(["y", "x"], popularity.Recommend(new HashSet<string>()).Select(r => r.Item));
        Assert.Equal(["x", "z"], popularity.Recommend(new HashSet<string> { "y" }).Select(r => r.Item));
    }

    [Fact]
    public void HitRate_CountsCustomersWithNewItemsOnly()
    {
        var recommended = new Dictionary<string, IReadOnlyList<string>>
        {
            ["c1"] = ["a", "b"],
            ["c2"] = ["a", "b"],
            ["c3"] = ["c"],
        };
        var fresh = new Dictionary<string, IReadOnlySet<string>>
        {
            ["c1"] = new HashSet<string> { "b", "z" },   // hit
            ["c2"] = new HashSet<string> { "z" },        // miss
            ["c3"] = new HashSet<string>(),              // nothing new: not evaluated
            ["c4"] = new HashSet<string> { "a" },        // no recommendations: miss
        };
        var rate = HitRate.Compute(recommended, fresh);

        Assert.Equal(3, rate.Customers);
        Assert.Equal(1, rate.Hits);
        Assert.Equal(1.0 / 3, rate.Rate, 12);
    }

    [Fact]
    public void CoPurchase_CosineAndLift_HandComputed()
    {
        // 10 customers; x bought by 4, y by 5, z by 2; x&y by 3, x&z by 2.
        var buyers = new Dictionary<string, long> { ["x"] = 4, ["y"] = 5, ["z"] = 2 };
        var also = CoPurchase.Score([("x", "y", 3), ("x", "z", 2)], buyers, 10, top: 5, minBoth: 2);
        var ofX = also.Where(a => a.Item == "x").ToList();

        // cosine(x, z) = 2/√8 = 0.7071 > cosine(x, y) = 3/√20 = 0.6708
        Assert.Equal(["z", "y"], ofX.Select(a => a.Other));
        Assert.Equal(2 / Math.Sqrt(8), ofX[0].Cosine, 12);
        Assert.Equal(3 / Math.Sqrt(20), ofX[1].Cosine, 12);
        Assert.Equal(2.0 * 10 / 8, ofX[0].Lift, 12);
        Assert.Equal(3.0 * 10 / 20, ofX[1].Lift, 12);
        Assert.Single(also, a => a.Item == "z");
    }

    [Fact]
    public void CategoryPreferences_DominantFromSixtyPercent()
    {
        var prefs = CategoryPreferences.Compute(
        [
            ("c1", "Solvents", 3), ("c1", "Coatings", 2),     // 60 % → dominant
            ("c2", "Solvents", 5), ("c2", "Coatings", 4),     // 55.6 % → mixed
        ]);

        Assert.Equal("Solvents", prefs[0].PreferenceType);
        Assert.Equal(0.6, prefs[0].TopShare, 12);
        Assert.Equal(CustomerPreference.Mixed, prefs[1].PreferenceType);
        Assert.Equal("混合", prefs[1].PreferenceLabel("zh-CN"));
        Assert.Equal([("Solvents", 5.0 / 9), ("Coatings", 4.0 / 9)], prefs[1].Mix);
    }
}
