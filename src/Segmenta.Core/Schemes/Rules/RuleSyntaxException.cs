namespace Segmenta.Core.Schemes.Rules;

/// <summary>
/// A rule that is not valid rule syntax. The message names the rule, the 1-based column, what was expected,
/// and shows the rule with a caret under the problem.
/// </summary>
public sealed class RuleSyntaxException : SegmentaInputException
{
    /// <summary>Creates the exception from a complete message and the position it refers to.</summary>
    public RuleSyntaxException(string message, string rule, ValidationProblem problem) : base(message)
    {
        Rule = rule;
        Problem = problem;
    }

    /// <summary>Creates the exception with a complete message.</summary>
    public RuleSyntaxException(string message) : base(message) { }

    /// <summary>Creates the exception with a complete message and its cause.</summary>
    public RuleSyntaxException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with no message; prefer the constructors that explain.</summary>
    public RuleSyntaxException() { }

    /// <summary>The rule text that failed to parse.</summary>
    public string Rule { get; } = "";

    /// <summary>The problem (short message, line and column).</summary>
    public ValidationProblem Problem { get; } = new("");
}
