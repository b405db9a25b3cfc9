using FsCheck;
using FsCheck.Xunit;
using Segmenta.Core.Customers;
using Segmenta.Core.Numerics;
using Segmenta.Core.Rfm;
using Segmenta.Core.Rfm.Internal;
using static Segmenta.Core.Tests.Rfm.RfmTestRows;

namespace Segmenta.Core.Tests.Rfm;

public class RfmSchemeTests
{
    private static readonly RfmOptions RMode = new() { Binning = RfmBinning.RRfm };

    [Fact]
    public void Plan_OneToTen_RightClosedQuintilesByHand()
    {
        // Type 7 quintile cut points of 1..10: 2.8, 4.6, 6.4, 8.2.
        var customers = Enumerable.Range(1, 10).Select(i => ((decimal?)i, (decimal?)i, (decimal?)i)).ToList();
        var plan = Plan(customers);
        Assert.Equal([2.8m, 4.6m, 6.4m, 8.2m], plan.Parameters["rfm_m_cut_points"]);
        Assert.Equal([1L, 1, 2, 2, 3, 3, 4, 4, 5, 5], Monetary(plan, customers.Select(c => c.Item3)));
        // Recency 1 (most recent) scores 5, recency 10 scores 1.
        Assert.Equal([5L, 5, 4, 4, 3, 3, 2, 2, 1, 1], customers.Select(c => Score(plan, c).R));
    }

    [Fact]
    public void Plan_ValueOnCutPoint_GetsLowerScoreForAllMeasures()
    {
        // 1..5: cut points 1.8, 2.6, 3.4, 4.2; custom cut points at data values show the edge.
        var options = new RfmOptions { RecencyCutPoints = [2m, 3m, 4m, 5m], OrdersCutPoints = [2m, 3m, 4m, 5m], MonetaryCutPoints = [2m, 3m, 4m, 5m] };
        var plan = Plan([(1m, 1m, 1m)], options);
        Assert.Equal((1L, 1L, 1L), Pick(Score(plan, (5m, 2m, 2m))));   // recency exactly 5 → worst bin; F, M exactly 2 → bin 1
        Assert.Equal((2L, 2L, 2L), Pick(Score(plan, (4.99m, 2.01m, 3m))));
        Assert.Equal((5L, 5L, 5L), Pick(Score(plan, (1.99m, 5.01m, 6m))));
    }

    [Fact]
    public void Plan_NullMeasures_ScoreOne()
    {
        var plan = Plan([(1m, 1m, 1m), (2m, 2m, 2m), (3m, 3m, 3m)]);
        Assert.Equal((1L, 1L, 1L), Pick(Score(plan, (null, null, null))));
        Assert.Equal((1L, 1L, 1L), Pick(Score(RfmTestRows.Plan([(1m, 1m, 1m)], RMode), (null, null, null))));
    }

    [Fact]
    public void Plan_AllEqualValues_EveryoneScoresOne()
    {
        var plan = Plan(Enumerable.Repeat(((decimal?)7m, (decimal?)3m, (decimal?)50m), 20).ToList());
        Assert.Equal((1L, 1L, 1L), Pick(Score(plan, (7m, 3m, 50m))));
        Assert.Equal([7m, 7m, 7m, 7m], plan.Parameters["rfm_r_cut_points"]);
    }

    [Fact]
    public void Plan_AllEqualValuesInRMode_MatchesPackage()
    {
        // R: breaks all = v + 1, so every value falls in [min, b₁): F = M = 1, R = rscore[1] = 5.
        var plan = Plan(Enumerable.Repeat(((decimal?)7m, (decimal?)3m, (decimal?)50m), 4).ToList(), RMode);
        Assert.Equal((5L, 1L, 1L), Pick(Score(plan, (7m, 3m, 50m))));
    }

    [Fact]
    public void Plan_SingleCustomer_IsValid()
    {
        var plan = Plan([(10m, 2m, 99.5m)]);
        var s = Score(plan, (10m, 2m, 99.5m));
        Assert.Equal((1L, 1L, 1L), Pick(s));
        Assert.Equal("lost", s.Segment);
    }

    [Fact]
    public void Plan_TwoCustomersFewerThanBins_GetExtremeScores()
    {
        var plan = Plan([(10m, 1m, 10m), (20m, 2m, 20m)]);
        Assert.Equal((5L, 1L, 1L), Pick(Score(plan, (10m, 1m, 10m))));
        Assert.Equal((1L, 5L, 5L), Pick(Score(plan, (20m, 2m, 20m))));
    }

    [Fact]
    public void Plan_EmptyHistograms_ValidPlanAndEveryoneScoresOne()
    {
        var empty = new ValueHistogram([], [], 0);
        foreach (var options in new[] { RfmOptions.Default, RMode })
        {
            var plan = RfmScheme.Plan(empty, empty, empty, options);
            Assert.Empty(plan.Parameters["rfm_r_cut_points"]);
            var s = Score(plan, (5m, 5m, 5m));
            Assert.Equal((1L, 1L, 1L), Pick(s));
        }
    }

    [Fact]
    public void Plan_HeavyTies_SkipsScoresInsteadOfSplittingTies()
    {
        // 60 % one-time buyers: cut points 1, 1, 1.4, 3.2, so orders = 1 → F 1 and orders = 2 → F 4 (1 + three cut
        // points below it); scores 2 and 3 are never used rather than splitting the tied one-time buyers.
        var orders = Enumerable.Repeat(1m, 6).Concat([2m, 3m, 4m, 5m]).Select(v => ((decimal?)1m, (decimal?)v, (decimal?)1m)).ToList();
        var plan = Plan(orders);
        Assert.Equal([1m, 1m, 1.4m, 3.2m], plan.Parameters["rfm_f_cut_points"]);
        Assert.Equal([1L, 4, 4, 5], Enumerable.Range(1, 4).Select(v => Score(plan, (1m, v, 1m)).F));
    }

    [Fact]
    public void Plan_InvalidOptions_Throw()
    {
        var h = ValueHistogram.FromValues([1m]);
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmScheme.Plan(h, h, h, new RfmOptions { Bins = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmScheme.Plan(h, h, h, new RfmOptions { Bins = 10 }));
        Assert.Throws<ArgumentException>(() => RfmScheme.Plan(h, h, h, new RfmOptions { OrdersCutPoints = [1m, 2m] }));
        Assert.Throws<ArgumentException>(() => RfmScheme.Plan(h, h, h, new RfmOptions { OrdersCutPoints = [1m, 3m, 2m, 4m] }));
    }

    [Fact]
    public void Plan_Layers_ScoresFirstThenScoreAndSegment()
    {
        var plan = Plan([(1m, 1m, 1m)]);
        Assert.Equal([FeatureNames.RfmR, FeatureNames.RfmF, FeatureNames.RfmM], plan.Layers[0].Select(c => c.Name));
        Assert.Equal([RfmScheme.ScoreColumn, RfmScheme.SegmentColumn], plan.Layers[1].Select(c => c.Name));
        Assert.Equal(RfmScheme.SegmentColumn, plan.SegmentColumn);
        Assert.Equal(12, plan.Segments.Count);
        Assert.Equal("cant_lose_them", plan.Segments[7].Key);
        Assert.Equal("冠军客户", plan.Segments[0].Label.ZhCn);
    }

    [Theory]
    [InlineData(5, 5, 5, "champions")]
    [InlineData(2, 3, 3, "loyal_customers")]
    [InlineData(5, 1, 1, "new_customers")]
    [InlineData(3, 1, 1, "promising")]
    [InlineData(3, 2, 2, "potential_loyalist")]
    [InlineData(2, 2, 2, "need_attention")]
    [InlineData(2, 1, 2, "about_to_sleep")]
    [InlineData(1, 5, 5, "cant_lose_them")]
    [InlineData(1, 3, 3, "at_risk")]
    [InlineData(1, 1, 1, "lost")]
    [InlineData(1, 1, 2, "hibernating")]
    [InlineData(5, 5, 1, "others")]
    public void Plan_SegmentTable_FirstMatchWins(int r, int f, int m, string expected) =>
        Assert.Equal(expected, SegmentOf(r, f, m));

    [Fact]
    public void Plan_SegmentTable_EverySegmentIsReachable()
    {
        var seen = (from r in Enumerable.Range(1, 5)
                    from f in Enumerable.Range(1, 5)
                    from m in Enumerable.Range(1, 5)
                    select SegmentOf(r, f, m)).ToHashSet();
        foreach (var key in new[] { "champions", "loyal_customers", "new_customers", "promising", "potential_loyalist",
                     "need_attention", "about_to_sleep", "cant_lose_them", "at_risk", "lost", "hibernating", "others" })
            Assert.Contains(key, seen);
    }

    [Theory]
    [InlineData(3, new[] { 1, 3, 5 })]
    [InlineData(5, new[] { 1, 2, 3, 4, 5 })]
    [InlineData(9, new[] { 1, 2, 2, 3, 3, 4, 4, 5, 5 })]
    public void ToFivePoint_OtherBinCounts_SpreadsLinearly(int bins, int[] expected) =>
        Assert.Equal(expected, Enumerable.Range(1, bins).Select(s => RfmSegmentExpression.ToFivePoint(s, bins)));

    [Property(MaxTest = 200)]
    public bool Plan_AnyData_ScoresWithinOneToBins(NonEmptyArray<(short, byte, int)> raw, byte binsRaw, bool rMode)
    {
        var bins = 2 + (binsRaw % 8);
        var customers = raw.Get.Select(t => ((decimal?)Math.Abs((int)t.Item1), (decimal?)t.Item2, (decimal?)(t.Item3 / 100m))).ToList();
        var plan = Plan(customers, new RfmOptions { Bins = bins, Binning = rMode ? RfmBinning.RRfm : RfmBinning.Quantile });
        return customers.Select(c => Score(plan, c)).All(s =>
            s.R >= 1 && s.R <= bins && s.F >= 1 && s.F <= bins && s.M >= 1 && s.M <= bins);
    }

    [Property(MaxTest = 100)]
    public bool Plan_ShuffledRows_SameScores(NonEmptyArray<(short, byte, int)> raw, int seed, bool rMode)
    {
        var customers = raw.Get.Select(t => ((decimal?)Math.Abs((int)t.Item1), (decimal?)t.Item2, (decimal?)t.Item3)).ToList();
        var shuffled = customers.OrderBy(_ => new Random(seed).Next()).ToList();
        var options = new RfmOptions { Binning = rMode ? RfmBinning.RRfm : RfmBinning.Quantile };
        var a = Plan(customers, options);
        var b = Plan(shuffled, options);
        return customers.All(c => Score(a, c) == Score(b, c));
    }

    [Property(MaxTest = 200)]
    public bool Plan_MoreSpend_NeverLowersMonetaryScore(NonEmptyArray<int> raw, bool rMode)
    {
        var values = raw.Get.Select(v => (decimal?)(v / 10m)).ToList();
        var plan = Plan([.. values.Select(v => ((decimal?)1m, (decimal?)1m, v))],
            new RfmOptions { Binning = rMode ? RfmBinning.RRfm : RfmBinning.Quantile });
        var sorted = values.Order().ToList();
        var scores = Monetary(plan, sorted);
        return scores.Zip(scores.Skip(1)).All(p => p.First <= p.Second);
    }

    [Property(MaxTest = 200)]
    public bool Plan_MoreRecent_NeverLowersRecencyScore(NonEmptyArray<short> raw)
    {
        var values = raw.Get.Select(v => (decimal?)Math.Abs((int)v)).ToList();
        var plan = Plan([.. values.Select(v => (v, (decimal?)1m, (decimal?)1m))]);
        var scores = values.Order().Select(v => Score(plan, (v, 1m, 1m)).R).ToList();
        return scores.Zip(scores.Skip(1)).All(p => p.First >= p.Second);
    }

    [Property(MaxTest = 200)]
    public bool Plan_TiedValues_SameScore(NonEmptyArray<byte> raw)
    {
        var customers = raw.Get.Select(v => ((decimal?)(v % 7), (decimal?)(v % 5), (decimal?)(v % 3))).ToList();
        var plan = Plan(customers);
        return customers.GroupBy(c => c).All(g => g.Select(c => Score(plan, c)).Distinct().Count() == 1);
    }

    private static string SegmentOf(int r, int f, int m)
    {
        var plan = Plan([(1m, 1m, 1m)], new RfmOptions
        {
            RecencyCutPoints = [2m, 3m, 4m, 5m],
            OrdersCutPoints = [1m, 2m, 3m, 4m],
            MonetaryCutPoints = [1m, 2m, 3m, 4m],
        });
        // Recency 6.5 − r lands in the bin scored r; orders/monetary f, m land in the bin scored f, m.
        var s = Score(plan, (6.5m - r, f, m));
        Assert.Equal((r, f, m), ((int)s.R, (int)s.F, (int)s.M));
        return s.Segment;
    }

    private static (long, long, long) Pick((long R, long F, long M, string Segment) s) => (s.R, s.F, s.M);
}
