using FsCheck;
using FsCheck.Xunit;
using Segmenta.Core.Abc;
using Segmenta.Core.Customers;
using Segmenta.Core.Numerics;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.Tests.Abc;

public class AbcSchemeTests
{
    private static string Class(SchemePlan plan, decimal? monetary) =>
        (string)ExprEvaluator.EvaluatePlan(plan, new Dictionary<string, object?> { [FeatureNames.MonetaryTotal] = monetary })[AbcScheme.SegmentColumn]!;

    private static SchemePlan Plan(IEnumerable<decimal?> values, AbcOptions? options = null) =>
        AbcScheme.Plan(ValueHistogram.FromValues(values), options);

    // Revenue 50, 30, 10, 5, 5 (total 100): cumulative 50, 80, 90, 95, 100 % (the two 5s are one tie group).
    private static readonly string[] Keys = ["A", "B", "C"];
    private static readonly decimal?[] Hundred = [50m, 30m, 10m, 5m, 5m];

    [Fact]
    public void Plan_DefaultCrossingEdge_IncludesCustomersThatCarryTheFirst80Percent()
    {
        var plan = Plan(Hundred);
        Assert.Equal(["A", "A", "B", "B", "B"], Hundred.Select(v => Class(plan, v)));
        Assert.Equal([30m], plan.Parameters["abc_a_min_value"]);
        Assert.Equal([5m], plan.Parameters["abc_b_min_value"]);
        Assert.Equal([0.8m, 0.2m, 0m], plan.Parameters["abc_revenue_shares"]);
        Assert.Equal([0.4m, 0.6m, 0m], plan.Parameters["abc_customer_shares"]);
    }

    [Fact]
    public void Plan_AtOrBelowEdge_ClassesByCumulativeShareInclusive()
    {
        var plan = Plan(Hundred, new AbcOptions { Edge = AbcEdge.AtOrBelow });
        Assert.Equal(["A", "A", "B", "C", "C"], Hundred.Select(v => Class(plan, v)));
        Assert.Equal([30m], plan.Parameters["abc_a_min_value"]);
        Assert.Equal([10m], plan.Parameters["abc_b_min_value"]);
        Assert.Equal([0.8m, 0.1m, 0.1m], plan.Parameters["abc_revenue_shares"]);
        Assert.Equal([0.4m, 0.2m, 0.4m], plan.Parameters["abc_customer_shares"]);
    }

    [Fact]
    public void Plan_ExclusiveEdge_LeavesGroupOnLimitOut()
    {
        var plan = Plan(Hundred, new AbcOptions { Edge = AbcEdge.Below });
        Assert.Equal(["A", "B", "B", "C", "C"], Hundred.Select(v => Class(plan, v)));
    }

    [Fact]
    public void Plan_CrossingEdge_IncludesGroupThatCrossesLimit()
    {
        var plan = Plan(Hundred, new AbcOptions { ALimit = 0.7m, BLimit = 0.92m, Edge = AbcEdge.Crossing });
        Assert.Equal(["A", "A", "B", "B", "B"], Hundred.Select(v => Class(plan, v)));
    }

    [Fact]
    public void Plan_TiedValuesOnLimit_ShareTheClass()
    {
        // Two customers of 40 and one of 20: the 40s together are 80 % → both A.
        var plan = Plan([40m, 40m, 20m], new AbcOptions { Edge = AbcEdge.AtOrBelow });
        Assert.Equal("A", Class(plan, 40m));
        Assert.Equal("C", Class(plan, 20m));
        Assert.Equal("B", Class(Plan([40m, 40m, 20m]), 20m));  // default crossing edge: 20 takes B past 80 %
    }

    [Fact]
    public void Plan_ZeroNegativeAndNull_AreC()
    {
        var plan = Plan([100m, 0m, -5m, null], new AbcOptions { Edge = AbcEdge.AtOrBelow });
        Assert.Equal("C", Class(plan, 0m));
        Assert.Equal("C", Class(plan, -5m));
        Assert.Equal("C", Class(plan, null));
        // Under the "at or below" edge the single buyer, holding 100 % > 95 %, is C as well;
        // the crossing edge puts the group that crosses a limit inside the class.
        Assert.Equal([0m, 0m, 1m], plan.Parameters["abc_customer_shares"]);
        var crossing = Plan([100m, 0m, -5m, null]);  // the default
        Assert.Equal("A", Class(crossing, 100m));
        Assert.Equal([0.25m, 0m, 0.75m], crossing.Parameters["abc_customer_shares"]);
    }

    [Fact]
    public void Plan_EmptyOrNoRevenue_EveryoneC()
    {
        foreach (var plan in new[] { Plan([]), Plan([0m, -1m]) })
        {
            Assert.Equal("C", Class(plan, 10m));
            Assert.Equal([0m, 0m, 0m], plan.Parameters["abc_revenue_shares"]);
        }
    }

    [Fact]
    public void Plan_InvalidLimits_Throw() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Plan([1m], new AbcOptions { ALimit = 0.9m, BLimit = 0.8m }));

    [Property(MaxTest = 200)]
    public bool Plan_AnyData_SharesSumToOneAndMatchAssignment(NonEmptyArray<int> raw, byte edge)
    {
        var values = raw.Get.Select(v => (decimal?)(v / 100m)).ToList();
        var plan = Plan(values, new AbcOptions { Edge = (AbcEdge)(edge % 3) });
        var customerShares = plan.Parameters["abc_customer_shares"];
        var classes = values.Select(v => Class(plan, v)).ToList();
        var counted = Keys.Select(k => (decimal)classes.Count(c => c == k) / values.Count).ToList();
        var revenue = plan.Parameters["abc_revenue_shares"];
        var positive = values.Sum(v => Math.Max(v!.Value, 0));
        return Math.Abs(customerShares.Sum() - 1) < 1e-20m
            && customerShares.Zip(counted).All(p => Math.Abs(p.First - p.Second) < 1e-20m)
            && (positive == 0 ? revenue.All(r => r == 0) : Math.Abs(revenue.Sum() - 1) < 1e-20m);
    }

    [Property(MaxTest = 200)]
    public bool Plan_MoreSpend_NeverWorseClass(NonEmptyArray<int> raw)
    {
        var values = raw.Get.Select(v => (decimal?)v).ToList();
        var plan = Plan(values);
        var classes = values.Order().Select(v => Class(plan, v)).ToList();
        return classes.Zip(classes.Skip(1)).All(p => string.CompareOrdinal(p.First, p.Second) >= 0);
    }
}
