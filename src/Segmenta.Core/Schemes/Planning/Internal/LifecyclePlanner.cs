using Segmenta.Core.Customers;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.Schemes.Rules;
using static Segmenta.Core.Schemes.Expressions.ExprBuilder;

namespace Segmenta.Core.Schemes.Planning.Internal;

/// <summary>
/// Kind lifecycle (semantics on <see cref="LifecycleSettings"/>). Parameters: <c>{scheme}_days</c> = [N, D, D2,
/// reactivated window], <c>{scheme}_dormant_gap_multiple</c> = [k], <c>{scheme}_p_alive_below</c> = [threshold] or
/// empty when the p_alive column is not in the schema (so it is not used).
/// </summary>
internal static class LifecyclePlanner
{
    public static PlannedScheme Plan(PlanContext context)
    {
        var s = context.Definition.Lifecycle ?? new LifecycleSettings();
        var orders = Col(FeatureNames.Orders);
        var recency = Col(FeatureNames.RecencyDays);
        var gap = Col(FeatureNames.MeanGapDays);
        var usePAlive = context.Schema is { } schema && schema.TryGetType(s.PAliveColumn, out var type) && type == FeatureType.Number;

        Expr churned = Greater(recency, s.ChurnedAfterDays);
        if (usePAlive)
            churned = new Binary(BinaryOp.Or, churned, new Binary(BinaryOp.Less, Col(s.PAliveColumn), Lit(s.PAliveBelow)));
        var rules = new Dictionary<string, Expr>(StringComparer.Ordinal)
        {
            ["prospect"] = new Binary(BinaryOp.Or, new IsNull(orders, false), new Binary(BinaryOp.Equal, orders, Lit(0L))),
            ["new"] = new Binary(BinaryOp.LessOrEqual, Col(FeatureNames.TenureDays), Lit((long)s.NewWithinDays)),
            ["churned"] = churned,
            ["dormant"] = new Binary(BinaryOp.Or,
                Greater(recency, s.DormantAfterDays),
                new Binary(BinaryOp.Greater, recency, new Binary(BinaryOp.Multiply, Lit(s.DormantGapMultiple), gap))),
            ["reactivated"] = And(
                new Binary(BinaryOp.LessOrEqual, recency, Lit((long)s.ReactivatedWithinDays)),
                Greater(gap, s.DormantAfterDays)),
        };
        var branches = context.Segments.Where(x => rules.ContainsKey(x.Key))
            .Select(x => new CaseBranch(rules[x.Key], Lit(x.Key))).ToList();
        var expression = new CaseWhen(branches, Lit("active"));

        context.Parameters[$"{context.Name}_days"] = [s.NewWithinDays, s.DormantAfterDays, s.ChurnedAfterDays, s.ReactivatedWithinDays];
        context.Parameters[$"{context.Name}_dormant_gap_multiple"] = [s.DormantGapMultiple];
        context.Parameters[$"{context.Name}_p_alive_below"] = usePAlive ? [s.PAliveBelow] : [];
        var reasons = rules.ToDictionary(r => r.Key, r => (r.Value, (string?)null), StringComparer.Ordinal);
        return context.Finish([[new DerivedColumn(context.Name, expression)]], reasons);
    }

    private static Binary Greater(Expr left, int days) => new(BinaryOp.Greater, left, Lit((long)days));
}
