using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.Schemes.Rules;

namespace Segmenta.Core.Schemes.Planning.Internal;

/// <summary>
/// Kinds rules, behaviour and needs: <c>CASE WHEN rule₁ THEN key₁ … ELSE default END</c>, with population statistics
/// resolved from histograms and reported as parameters <c>{scheme}:{statistic}</c>, e.g.
/// <c>key_accounts:percentile(monetary_total, 0.9)</c>.
/// </summary>
internal static class RulesPlanner
{
    public static PlannedScheme Plan(PlanContext context)
    {
        var branches = new List<CaseBranch>();
        var reasons = new Dictionary<string, (Expr, string?)>(StringComparer.Ordinal);
        foreach (var segment in context.Segments.Where(s => !s.IsDefault))
        {
            var path = segment.Path is null ? $"built-in rule of {segment.Key}" : $"{segment.Path}.when";
            var rule = Resolve(context, path, segment.When!);
            branches.Add(new CaseBranch(rule, ExprBuilder.Lit(segment.Key)));
            reasons[segment.Key] = (rule, segment.When);
        }
        var fallback = context.Segments.Single(s => s.IsDefault);
        var expression = new CaseWhen(branches, ExprBuilder.Lit(fallback.Key));
        return context.Finish([[new DerivedColumn(context.Name, expression)]], reasons);
    }

    private static Expr Resolve(PlanContext context, string path, string text)
    {
        try
        {
            var parsed = RuleParser.Parse(text);
            foreach (var aggregate in AggregateResolver.Required(parsed))
            {
                var value = AggregateResolver.Compute(aggregate, context.Histograms.Get(aggregate.Column));
                context.Parameters[$"{context.Name}:{RuleFormatter.Format(aggregate)}"] = [DecimalLiterals.Normalize(value)];
            }
            return DecimalLiterals.Normalize(AggregateResolver.Resolve(parsed, context.Histograms.Get));
        }
        catch (SegmentaInputException e)
        {
            throw context.Error(path, e.Message, e);
        }
    }
}
