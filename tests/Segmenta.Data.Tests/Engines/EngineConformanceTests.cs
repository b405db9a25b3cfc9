using System.Globalization;
using DuckDB.NET.Data;
using Segmenta.Core.Customers;
using Segmenta.Core.Schemes.Expressions;
using Segmenta.Data.DuckDb;

namespace Segmenta.Data.Tests.Engines;

/// <summary>
/// The engine conformance suite: the same cases on every engine, one subclass per engine. Each engine must give
/// exactly the DuckDB reference's segment for every customer and every scheme (built-ins, the matrix preset, user
/// rules), the same cut points and segment counts, and the same features: integers, dates, text and decimals exactly,
/// doubles to 1e-9. Independently, every engine's assignments must equal Core's in-memory evaluation of the plans
/// over that engine's own features.
/// </summary>
public abstract class EngineConformanceTests
{
    private const double DoubleTolerance = 1e-9;
    private static readonly Dictionary<string, Lazy<Task<ConformanceResult>>> References = new(StringComparer.Ordinal);

    /// <summary>Imports the case into a fresh in-memory DuckDB, runs it on the engine under test, and fetches the segment table into that DuckDB.</summary>
    private protected abstract Task<ConformanceResult> RunOnEngineAsync(ConformanceCase c, DuckDBConnection local);

    [Fact]
    public Task Cdnow_EveryCustomerEveryScheme_MatchesReference() => CheckAsync(ConformanceCase.Cdnow, evaluateInMemory: true);

    [Fact]
    public Task Synthetic_EveryCustomerEveryScheme_MatchesReference() => CheckAsync(ConformanceCase.Synthetic, evaluateInMemory: false);

    [Fact]
    public async Task ChemicalsInteractionsSurveys_EveryCustomerEveryScheme_MatchesReference()
    {
        await CheckAsync(ConformanceCase.Contacts, evaluateInMemory: true);

        // The case must exercise what it is about: every contact, survey and profit feature present with values, and
        // gross margins both from recorded costs and from the population margin rate.
        var reference = await ReferenceAsync(ConformanceCase.Contacts);
        foreach (var name in FeatureNames.InteractionFeatures.Concat(FeatureNames.SurveyFeatures).Concat(FeatureNames.ProfitFeatures).Append(FeatureNames.DiscountShare))
        {
            var i = reference.Columns.ToList().IndexOf(name);
            Assert.True(i >= 0, $"column {name} missing");
            Assert.True(reference.Rows.Values.Count(r => r[i] is not null) >= 50, $"column {name}: too few values");
        }
        var margin = reference.Columns.ToList().IndexOf(FeatureNames.Margin);
        var gross = reference.Columns.ToList().IndexOf(FeatureNames.GrossMargin);
        Assert.True(reference.Rows.Values.Count(r => r[margin] is null && r[gross] is not null) >= 50, "too few gross margins from the margin rate");
        Assert.True(reference.Rows.Values.Count(r => r[margin] is not null) >= 50, "too few recorded margins");
    }

    private async Task CheckAsync(ConformanceCase c, bool evaluateInMemory)
    {
        var reference = await ReferenceAsync(c);
        using var local = DuckDbStore.Open(":memory:");
        c.Import(local);
        var actual = await RunOnEngineAsync(c, local);

        Assert.Equal(reference.Columns, actual.Columns);
        Assert.Equal(reference.Rows.Count, actual.Rows.Count);
        for (var p = 0; p < reference.Plans.Count; p++)
        {
            Assert.Equal(reference.Plans[p].Scheme, actual.Plans[p].Scheme);
            foreach (var (name, values) in reference.Plans[p].Parameters)
                Assert.Equal(values, actual.Plans[p].Parameters[name]);
        }
        foreach (var (scheme, stats) in reference.Stats)
        {
            var mine = actual.Stats[scheme];
            Assert.Equal(stats.Select(s => (s.Segment, s.Customers, s.Revenue)), mine.Select(s => (s.Segment, s.Customers, s.Revenue)));
            for (var i = 0; i < stats.Count; i++)
            {
                Assert.Equal(stats[i].MeanRecencyDays, mine[i].MeanRecencyDays, 1e-9);
                Assert.Equal(stats[i].MeanMonetary, mine[i].MeanMonetary, 1e-9);
            }
        }

        var compared = 0;
        foreach (var (id, expected) in reference.Rows)
        {
            Assert.True(actual.Rows.TryGetValue(id, out var row), $"{c}: customer {id} missing");
            for (var i = 0; i < expected.Length; i++)
            {
                if (!Same(expected[i], row![i]))
                    Assert.Fail($"{c}: customer {id}, column {reference.Columns[i]} ({reference.ColumnTypes[i]}): reference {Show(expected[i])}, engine {Show(row[i])}");
                compared++;
            }
        }
        Assert.True(compared >= reference.Rows.Count * 20, "too few values compared");
        if (evaluateInMemory) AssertPlansMatchEvaluator(actual);
    }

    /// <summary>Every derived column equals Core's in-memory evaluation of its expression over the engine's features.</summary>
    private static void AssertPlansMatchEvaluator(ConformanceResult result)
    {
        var index = result.Columns.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        foreach (var row in result.Rows.Values)
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (name, i) in index) values[name] = row[i] is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : row[i];
            foreach (var plan in result.Plans)
            {
                foreach (var (name, value) in ExprEvaluator.EvaluatePlan(plan, values))
                {
                    var engine = row[index[name]];
                    Assert.True(Same(Normalize(value), Normalize(engine)), $"{plan.Scheme}.{name}, customer {row[0]}: evaluator {Show(value)}, engine {Show(engine)}");
                }
            }
        }
    }

    private static object? Normalize(object? v) => v switch
    {
        int i => (long)i,
        decimal d when decimal.Truncate(d) == d && Math.Abs(d) < long.MaxValue => (long)d,
        _ => v,
    };

    private static bool Same(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (double x, double y) => double.IsNaN(x) ? double.IsNaN(y) : Math.Abs(x - y) <= DoubleTolerance * Math.Max(1, Math.Abs(x)),
        (null, _) or (_, null) => false,
        (int or long, int or long) => Convert.ToInt64(a, CultureInfo.InvariantCulture) == Convert.ToInt64(b, CultureInfo.InvariantCulture),
        _ => a.Equals(b),
    };

    private static string Show(object? v) => v is null ? "null" : $"{Convert.ToString(v, CultureInfo.InvariantCulture)} ({v.GetType().Name})";

    /// <summary>The DuckDB run of a case, computed once per test process and shared by the engine classes.</summary>
    private static Task<ConformanceResult> ReferenceAsync(ConformanceCase c)
    {
        Lazy<Task<ConformanceResult>> lazy;
        lock (References)
        {
            if (!References.TryGetValue(c.Name, out lazy!))
                References[c.Name] = lazy = new Lazy<Task<ConformanceResult>>(() => Task.Run(async () =>
                {
                    using var connection = DuckDbStore.Open(":memory:");
                    c.Import(connection);
                    return await ConformanceResult.RunAsync(new DuckDbEngine(connection), c, connection, () => Task.CompletedTask);
                }));
        }
        return lazy.Value;
    }
}
