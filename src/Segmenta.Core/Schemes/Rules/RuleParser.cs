using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.Schemes.Rules.Internal;

namespace Segmenta.Core.Schemes.Rules;

/// <summary>
/// Parses rule text such as <c>recency_days &lt;= 30 and region in ('浙江', '江苏')</c> into an <see cref="Expr"/>.
/// The grammar is in docs/rules.md. Anything that is not part of it (';', comments, '||', raw SQL) is a syntax
/// error, so rule text never reaches an engine.
/// </summary>
public static class RuleParser
{
    /// <summary>Longest accepted rule, in UTF-16 characters.</summary>
    public const int MaxLength = 10_000;

    /// <summary>Deepest accepted nesting of parentheses, <c>not</c>, unary minus and <c>case</c>.</summary>
    public const int MaxNesting = 100;

    /// <summary>
    /// Deepest accepted expression tree (e.g. a chain of 500 <c>or</c>s). Keeps trees well inside what SQL engines
    /// accept (ClickHouse's default max_ast_depth is 1000) and what recursive compilers handle.
    /// </summary>
    public const int MaxDepth = 500;

    /// <summary>Parses a rule.</summary>
    /// <exception cref="RuleSyntaxException">
    /// The rule is not valid; the message gives the column, what was expected and a caret line, e.g.
    /// <c>rule "recency_days &lt;= and x": at column 17: expected a number, a column or "(", found "and"</c>.
    /// </exception>
    public static Expr Parse(string rule) => ParseWithPositions(rule).Expression;

    /// <summary>Parses a rule without throwing for syntax errors.</summary>
    /// <param name="rule">The rule text.</param>
    /// <param name="expression">The tree, or null when the rule is not valid.</param>
    /// <returns>Valid, or the syntax error (a rule has at most one: parsing stops at the first).</returns>
    public static ValidationResult TryParse(string rule, out Expr? expression)
    {
        try
        {
            expression = Parse(rule);
            return ValidationResult.Valid;
        }
        catch (RuleSyntaxException e)
        {
            expression = null;
            return ValidationResult.Of(e.Problem);
        }
    }

    internal static ParsedRule ParseWithPositions(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Length > MaxLength)
        {
            throw Failure(rule, MaxLength,
                $"the rule is {rule.Length} characters long; the limit is {MaxLength}: split it into several segments or derived columns");
        }
        if (string.IsNullOrWhiteSpace(rule))
            throw Failure(rule, rule.Length, "the rule is empty: write a condition, e.g. recency_days <= 30");
        try
        {
            return Parser.Parse(rule);
        }
        catch (RuleSyntaxError e)
        {
            throw Failure(rule, e.Index, e.Message);
        }
    }

    private static RuleSyntaxException Failure(string rule, int index, string message) =>
        new(RuleText.Describe(rule, index, message), rule, RuleText.Problem(rule, index, message));
}
