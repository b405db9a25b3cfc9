using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.Schemes.Rules.Internal;

namespace Segmenta.Core.Schemes.Rules;

/// <summary>
/// Type-checks a rule against the feature schema and lists every problem: unknown columns (with "did you
/// mean …"), comparisons of different types (number, text, date, true/false), <c>and</c>/<c>or</c>/<c>not</c> on
/// non-conditions, statistics over non-numeric columns, shares outside (0, 1), comparisons with null, and a rule
/// that is not a condition. Rules and types are described in docs/rules.md.
/// </summary>
public static class RuleChecker
{
    /// <summary>Parses and checks rule text; problems carry the line and column they refer to.</summary>
    /// <returns>Valid, the syntax error, or every type problem.</returns>
    public static ValidationResult Check(string rule, FeatureSchema schema)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(schema);
        ParsedRule parsed;
        try
        {
            parsed = RuleParser.ParseWithPositions(rule);
        }
        catch (RuleSyntaxException e)
        {
            return ValidationResult.Of(e.Problem);
        }
        var problems = TypeChecker.Check(parsed.Expression, schema, parsed.Positions);
        return new ValidationResult([.. problems.Select(p => RuleText.Problem(rule, Math.Max(p.Index, 0), p.Message))]);
    }

    /// <summary>Checks a tree (e.g. one built in code); the problems carry no position.</summary>
    public static ValidationResult Check(Expr expression, FeatureSchema schema)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(schema);
        var problems = TypeChecker.Check(expression, schema, new Dictionary<Expr, int>());
        return new ValidationResult([.. problems.Select(p => new ValidationProblem(p.Message))]);
    }
}
