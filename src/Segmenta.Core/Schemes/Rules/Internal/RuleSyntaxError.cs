namespace Segmenta.Core.Schemes.Rules.Internal;

/// <summary>Thrown inside the lexer and parser; <see cref="RuleParser"/> turns it into a <see cref="RuleSyntaxException"/>.</summary>
internal sealed class RuleSyntaxError : Exception
{
    public RuleSyntaxError(int index, string message) : base(message) => Index = index;

    public RuleSyntaxError() { }

    public RuleSyntaxError(string message) : base(message) { }

    public RuleSyntaxError(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>0-based index in the rule where the problem is.</summary>
    public int Index { get; }
}
