using DuckDB.NET.Data;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Ports;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.Schemes.Planning;
using Segmenta.Core.Schemes.Rules;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;

namespace Segmenta.Data.Tests.Engines;

/// <summary>
/// What one engine produced for a case: the plans (cut points, means), per-segment statistics, and the
/// per-customer segment table (features, scores, segments, labels, rule results) keyed by customer id.
/// </summary>
internal sealed record ConformanceResult(
    IReadOnlyList<SchemePlan> Plans,
    IReadOnlyDictionary<string, IReadOnlyList<SegmentStats>> Stats,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> ColumnTypes,
    IReadOnlyDictionary<string, object?[]> Rows)
{
    /// <summary>
    /// Runs the case on <paramref name="engine"/>: features (plus CLV columns when the case asks), every built-in scheme,
    /// the value × frequency matrix preset, the case's user rules (each as true / false / null), labels; then reads the
    /// segment table from <paramref name="local"/> after <paramref name="fetch"/> has put it there.
    /// </summary>
    public static async Task<ConformanceResult> RunAsync(
        ISegmentationEngine engine, ConformanceCase c, DuckDBConnection local, Func<Task> fetch)
    {
        var ct = CancellationToken.None;
        await engine.BuildFeaturesAsync(c.Options.AsOf, c.Options.Profitability, ct);
        // DuckDB scores per customer; the server engines by (x, tₓ, T) cells inside the engine (the path under test).
        if (c.Options.Clv is not null) await ClvFeatures.AddToAsync(engine, c.Options.Clv, ct);
        var builtIns = await SegmentationPipeline.PlanBuiltInsAsync(engine, c.Options, ct);
        var matrix = SchemePlanner.Plan(SchemePresets.ValueFrequencyMatrix(), column => engine.HistogramAsync(column, ct).GetAwaiter().GetResult());
        List<SchemePlan> schemes = [.. builtIns, matrix];
        var rules = new SchemePlan("user_rules",
            [[.. c.Rules.Select((rule, i) => new DerivedColumn($"rule_{i + 1}", ThreeValued(RuleParser.Parse(rule))))]],
            "rule_1", [], new Dictionary<string, IReadOnlyList<decimal>>());
        await engine.ApplyPlansAsync([.. schemes, rules, SegmentLabels.Plan(schemes, c.Options.LabelLanguage ?? "en")], ct);
        var stats = new Dictionary<string, IReadOnlyList<SegmentStats>>(StringComparer.Ordinal);
        foreach (var plan in schemes) stats[plan.Scheme] = await engine.SegmentStatsAsync(plan.SegmentColumn, ct);
        await fetch();

        var columns = Db.Rows(local, $"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{DuckDbEngine.SegmentsTable}' ORDER BY ordinal_position");
        var rows = Db.Rows(local, $"SELECT * FROM {DuckDbEngine.SegmentsTable}").ToDictionary(r => (string)r[0]!, StringComparer.Ordinal);
        return new ConformanceResult([.. schemes, rules], stats, [.. columns.Select(r => (string)r[0]!)], [.. columns.Select(r => (string)r[1]!)], rows);
    }

    /// <summary><c>CASE WHEN rule THEN 'true' WHEN NOT rule THEN 'false' ELSE 'null' END</c>: tells an unknown result from a false one.</summary>
    public static Expr ThreeValued(Expr rule) =>
        new CaseWhen([new CaseBranch(rule, new Literal("true")), new CaseBranch(new Unary(UnaryOp.Not, rule), new Literal("false"))], new Literal("null"));
}
