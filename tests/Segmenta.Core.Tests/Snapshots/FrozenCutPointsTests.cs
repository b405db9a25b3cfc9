using Segmenta.Core.Abc;
using Segmenta.Core.Numerics;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Rfm;
using Segmenta.Core.Snapshots;
using Segmenta.Core.ValueTiers;

namespace Segmenta.Core.Tests.Snapshots;

public sealed class FrozenCutPointsTests
{
    private static readonly ValueHistogram Recency = ValueHistogram.FromValues([1m, 5m, 9m, 30m, 60m, 90m, 200m, 365m]);
    private static readonly ValueHistogram Orders = ValueHistogram.FromValues([1m, 1m, 1m, 2m, 2m, 3m, 5m, 8m]);
    private static readonly ValueHistogram Money = ValueHistogram.FromValues([10m, 12m, 15m, 40m, 80m, 100m, 400m, 900m]);
    private static readonly ValueHistogram Shifted = ValueHistogram.FromValues([100m, 120m, 150m, 400m, 800m, 1000m, 4000m, 9000m]);

    [Fact]
    public void Apply_ReferenceParameters_PlansReproduceReferenceCutPoints()
    {
        var reference = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<decimal>>>
        {
            [RfmScheme.Name] = RfmScheme.Plan(Recency, Orders, Money).Parameters,
            [RfmCn8Scheme.Name] = RfmCn8Scheme.Plan(Recency, Orders, Money).Parameters,
            [AbcScheme.Name] = AbcScheme.Plan(Money).Parameters,
            [ValueTierScheme.Name] = ValueTierScheme.Plan(Money).Parameters,
        };
        var frozen = FrozenCutPoints.Apply(new SegmentationOptions(), reference);
        Assert.Equal(4, frozen.Frozen.Count);
        Assert.Empty(frozen.NotFrozen);

        // Planned on a population with ten times the spend, the frozen plans keep the reference's cut points.
        var o = frozen.Options;
        var rfm = RfmScheme.Plan(Recency, Orders, Shifted, o.Rfm);
        Assert.Equal(reference[RfmScheme.Name]["rfm_m_cut_points"], rfm.Parameters["rfm_m_cut_points"]);
        Assert.Equal(reference[RfmScheme.Name]["rfm_f_cut_points"], rfm.Parameters["rfm_f_cut_points"]);   // tied cut points (1, 1, …) are accepted
        var abc = AbcScheme.Plan(Shifted, o.Abc);
        Assert.Equal(reference[AbcScheme.Name]["abc_a_min_value"], abc.Parameters["abc_a_min_value"]);
        Assert.Equal(reference[AbcScheme.Name]["abc_b_min_value"], abc.Parameters["abc_b_min_value"]);
        Assert.Equal(reference[ValueTierScheme.Name]["value_tier_thresholds"], ValueTierScheme.Plan(Shifted, o.ValueTier).Parameters["value_tier_thresholds"]);
        Assert.Equal(reference[RfmCn8Scheme.Name]["rfm_cn8_means"], o.RfmCn8Means);
        // Unfrozen, the cut points follow the population.
        Assert.NotEqual(reference[RfmScheme.Name]["rfm_m_cut_points"], RfmScheme.Plan(Recency, Orders, Shifted).Parameters["rfm_m_cut_points"]);
    }

    [Fact]
    public void Apply_EmptyReference_NothingFrozen()
    {
        var frozen = FrozenCutPoints.Apply(new SegmentationOptions(), new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<decimal>>>());
        Assert.Empty(frozen.Frozen);
        Assert.Equal(4, frozen.NotFrozen.Count);
        Assert.Null(frozen.Options.Rfm.RecencyCutPoints);
    }

    [Fact]
    public void PlanFingerprint_ChangesWithCutPoints_StableOtherwise()
    {
        var a = PlanFingerprint.Compute(AbcScheme.Plan(Money));
        Assert.Equal(a, PlanFingerprint.Compute(AbcScheme.Plan(Money)));
        Assert.NotEqual(a, PlanFingerprint.Compute(AbcScheme.Plan(Shifted)));
        Assert.Equal(64, a.Length);
    }
}
