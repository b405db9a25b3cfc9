namespace Segmenta.Core.Schemes.Rules.Internal;

/// <summary>A token of a rule.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Start">0-based index of its first character in the rule.</param>
/// <param name="Length">Number of characters (UTF-16 units) in the rule.</param>
/// <param name="Text">The name for identifiers, the unescaped value for strings, the source text otherwise.</param>
/// <param name="Number">The value of a number token.</param>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, string Text, decimal Number = 0m);
