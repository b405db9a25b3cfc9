using Segmenta.Core.Numerics;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.Abc;

/// <summary>
/// ABC (Pareto) classes by cumulative revenue share: customers sorted by <c>monetary_total</c> descending are A
/// until the cumulative share reaches <see cref="AbcOptions.ALimit"/> (80 %), B until
/// <see cref="AbcOptions.BLimit"/> (95 %), C after that.
/// </summary>
/// <remarks>
/// <para><b>By value, ties together.</b> The engine compares values, so the classes become value thresholds:
/// <c>CASE WHEN m &gt;= t_A THEN 'A' WHEN m &gt;= t_B THEN 'B' ELSE 'C' END</c>. All customers with the same value
/// form one tie group and get the same class; the cumulative share of a group is that of all customers with
/// a value ≥ it (the whole group counted), and <see cref="AbcOptions.Edge"/> says whether the group on a limit
/// is in or out. t_A (t_B) is the smallest value whose group is A (A or B); a class no group reaches is left
/// out of the rule (e.g. no A when the top customer alone holds more than 80 % under <see cref="AbcEdge.AtOrBelow"/>;
/// if one tie group holds more than the B limit, every positive customer is C under that edge; use
/// <see cref="AbcEdge.Crossing"/> when the biggest customers must always be A).</para>
/// <para><b>Zero, negative and null</b> values are C and do not count in the total: shares are of the positive
/// revenue. An empty histogram, or one without positive values, gives a valid plan in which everyone is C.</para>
/// <para><b>Frozen thresholds</b> (<see cref="AbcOptions.Frozen"/>): t_A and t_B are taken as given (from a reference
/// snapshot) and only the reported shares are computed from this population.</para>
/// <para><b>Parameters:</b> <c>abc_limits</c> [A, B]; <c>abc_a_min_value</c> [t_A] and <c>abc_b_min_value</c> [t_B]
/// (empty when the class is empty); <c>abc_customer_shares</c> [A, B, C] of all customers including nulls;
/// <c>abc_revenue_shares</c> [A, B, C] of the positive revenue (all zero when there is none).</para>
/// </remarks>
public static class AbcScheme
{
    /// <summary>Scheme name.</summary>
    public const string Name = "abc";

    /// <summary>Output column: <c>A</c>, <c>B</c> or <c>C</c>.</summary>
    public const string SegmentColumn = "abc_class";

    /// <summary>Builds the plan from the distribution of the measure.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Limits outside 0 &lt; A ≤ B ≤ 1.</exception>
    public static SchemePlan Plan(ValueHistogram monetary, AbcOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(monetary);
        options ??= AbcOptions.Default;
        if (options.ALimit <= 0 || options.ALimit > options.BLimit || options.BLimit > 1)
            throw new ArgumentOutOfRangeException(nameof(options), $"ABC limits must satisfy 0 < A ≤ B ≤ 1 (got A = {options.ALimit}, B = {options.BLimit}).");

        var total = 0m;
        for (var i = 0; i < monetary.Values.Count; i++)
        {
            if (monetary.Values[i] > 0)
                total += monetary.Values[i] * monetary.Counts[i];
        }

        decimal? aMin = null, bMin = null;
        long aCount = 0, bCount = 0;
        decimal aRevenue = 0, bRevenue = 0, cumulative = 0;
        for (var i = monetary.Values.Count - 1; i >= 0 && monetary.Values[i] > 0; i--)
        {
            var value = monetary.Values[i];
            var revenue = value * monetary.Counts[i];
            var before = cumulative;
            cumulative += revenue;
            if (Within(before, cumulative, total, options.ALimit, options.Edge))
            {
                aMin = value;
                aCount += monetary.Counts[i];
                aRevenue += revenue;
            }
            else if (Within(before, cumulative, total, options.BLimit, options.Edge))
            {
                bMin = value;
                bCount += monetary.Counts[i];
                bRevenue += revenue;
            }
            else
            {
                break;
            }
        }

        if (options.Frozen is { } frozen)
            (aMin, bMin, aCount, bCount, aRevenue, bRevenue) = Recount(monetary, frozen);

        var branches = new List<(decimal, object)>();
        if (aMin is { } a)
            branches.Add((a, "A"));
        if (bMin is { } b)
            branches.Add((b, "B"));
        var rule = ExprBuilder.Thresholds(options.Measure, BinaryOp.GreaterOrEqual, branches, "C");

        var customers = monetary.Count + monetary.NullCount;
        var parameters = new Dictionary<string, IReadOnlyList<decimal>>(StringComparer.Ordinal)
        {
            ["abc_limits"] = [options.ALimit, options.BLimit],
            ["abc_a_min_value"] = aMin is { } am ? [am] : [],
            ["abc_b_min_value"] = bMin is { } bm ? [bm] : [],
            ["abc_customer_shares"] = Shares(aCount, bCount, customers),
            ["abc_revenue_shares"] = total == 0 ? [0m, 0m, 0m] : [aRevenue / total, bRevenue / total, (total - aRevenue - bRevenue) / total],
        };
        IReadOnlyList<SegmentInfo> segments =
        [
            new("A", new LocalizedText("A 类客户", "Class A"),
                new LocalizedText($"贡献前 {Percent(options.ALimit)} 收入的客户", $"The customers who bring the top {Percent(options.ALimit)} of revenue")),
            new("B", new LocalizedText("B 类客户", "Class B"),
                new LocalizedText($"贡献其后 {Percent(options.BLimit - options.ALimit)} 收入的客户", $"The customers who bring the next {Percent(options.BLimit - options.ALimit)} of revenue")),
            new("C", new LocalizedText("C 类客户", "Class C"), new LocalizedText("其余客户（含零、负或无消费）", "Everyone else, including zero, negative or no spend")),
        ];
        return new SchemePlan(Name, [[new DerivedColumn(SegmentColumn, rule)]], SegmentColumn, segments, parameters);
    }

    /// <summary>Class sizes and revenue under frozen thresholds (only positive values count, as in the computed rule).</summary>
    private static (decimal?, decimal?, long, long, decimal, decimal) Recount(ValueHistogram monetary, AbcThresholds frozen)
    {
        long aCount = 0, bCount = 0;
        decimal aRevenue = 0, bRevenue = 0;
        for (var i = 0; i < monetary.Values.Count; i++)
        {
            var value = monetary.Values[i];
            if (value <= 0) continue;
            if (frozen.AMinValue is { } a && value >= a)
            {
                aCount += monetary.Counts[i];
                aRevenue += value * monetary.Counts[i];
            }
            else if (frozen.BMinValue is { } b && value >= b)
            {
                bCount += monetary.Counts[i];
                bRevenue += value * monetary.Counts[i];
            }
        }
        return (frozen.AMinValue, frozen.BMinValue, aCount, bCount, aRevenue, bRevenue);
    }

    /// <summary>Is a tie group inside a class closing at <paramref name="limit"/>? Compared exactly as cumulative ≤ limit · total.</summary>
    private static bool Within(decimal before, decimal after, decimal total, decimal limit, AbcEdge edge) => edge switch
    {
        AbcEdge.AtOrBelow => after <= limit * total,
        AbcEdge.Below => after < limit * total,
        AbcEdge.Crossing => before < limit * total,
        _ => throw new ArgumentOutOfRangeException(nameof(edge), edge, "Unknown ABC edge rule."),
    };

    private static string Percent(decimal share) =>
        (share * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static decimal[] Shares(long a, long b, long total) =>
        total == 0 ? [0m, 0m, 0m] : [(decimal)a / total, (decimal)b / total, (decimal)(total - a - b) / total];
}
