using System.Globalization;
using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.Schemes.Rules;
using static Segmenta.Core.Schemes.Expressions.ExprBuilder;

namespace Segmenta.Core.Schemes.Planning.Internal;

/// <summary>
/// Kind attribute. With a mapping: <c>CASE WHEN column IN (values of segment₁) THEN key₁ … ELSE default END</c>, the
/// values read by the column's type in the schema (text when there is no schema). Without one:
/// <c>CASE WHEN column IS NULL THEN default ELSE column END</c>.
/// </summary>
internal static class AttributePlanner
{
    public static PlannedScheme Plan(PlanContext context)
    {
        var a = context.Definition.Attribute!;
        var column = Col(a.Column);
        var fallback = context.Segments.Single(s => s.IsDefault).Key;
        var reasons = new Dictionary<string, (Expr, string?)>(StringComparer.Ordinal);
        if (a.Mapping is not { Count: > 0 } mapping)
        {
            foreach (var s in context.Segments.Where(s => !s.IsDefault))
                reasons[s.Key] = (new Binary(BinaryOp.Equal, column, Lit(s.Key)), null);
            var identity = new CaseWhen([new CaseBranch(new IsNull(column, false), Lit(fallback))], column);
            return context.Finish([[new DerivedColumn(context.Name, identity)]], reasons);
        }
        var type = context.Schema is { } schema && schema.TryGetType(a.Column, out var t) ? t : FeatureType.Text;
        var branches = new List<CaseBranch>();
        foreach (var s in context.Segments.Where(s => !s.IsDefault))
        {
            var values = mapping.Where(m => m.Value == s.Key).Select(m => (Expr)Lit(Value(m.Key, type))).ToList();
            if (values.Count == 0)
                continue;
            var condition = new InList(column, values, false);
            branches.Add(new CaseBranch(condition, Lit(s.Key)));
            reasons[s.Key] = (condition, null);
        }
        return context.Finish([[new DerivedColumn(context.Name, new CaseWhen(branches, Lit(fallback)))]], reasons);
    }

    private static object Value(string text, FeatureType type) => type switch
    {
        FeatureType.Number => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture),
        FeatureType.Boolean => bool.Parse(text),
        _ => text,
    };
}
