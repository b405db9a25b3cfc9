using Segmenta.Core.Schemes.Expressions;
using static Segmenta.Core.Schemes.Expressions.ExprBuilder;

namespace Segmenta.Core.Schemes.Planning.Internal;

/// <summary>
/// Kind combine: <c>CASE WHEN first = a₁ AND second = b₁ THEN key₁ … ELSE default END</c>; a <c>*</c> drops its half
/// of the condition (both <c>*</c>: always true).
/// </summary>
internal static class CombinePlanner
{
    public const string Any = "*";

    public static PlannedScheme Plan(PlanContext context)
    {
        var c = context.Definition.Combine!;
        var branches = new List<CaseBranch>();
        var reasons = new Dictionary<string, (Expr, string?)>(StringComparer.Ordinal);
        foreach (var s in context.Segments.Where(s => !s.IsDefault))
        {
            var match = s.Source!.Match!;
            var condition = Bands.All(Equal(c.First, match[0]), Equal(c.Second, match[1]));
            branches.Add(new CaseBranch(condition, Lit(s.Key)));
            reasons[s.Key] = (condition, null);
        }
        var fallback = context.Segments.Single(s => s.IsDefault).Key;
        return context.Finish([[new DerivedColumn(context.Name, new CaseWhen(branches, Lit(fallback)))]], reasons);
    }

    private static Binary? Equal(string column, string key) =>
        key == Any ? null : new Binary(BinaryOp.Equal, Col(column), Lit(key));
}
