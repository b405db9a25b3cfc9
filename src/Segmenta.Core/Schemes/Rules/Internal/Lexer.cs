using System.Globalization;
using System.Text;

namespace Segmenta.Core.Schemes.Rules.Internal;

/// <summary>
/// Splits a rule into tokens. It is a whitelist: anything that is not a token of the rule language
/// (';', comments, '||', backticks …) is an error here, so nothing else can reach an engine.
/// </summary>
internal static class Lexer
{
    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["and"] = TokenKind.And,
        ["or"] = TokenKind.Or,
        ["not"] = TokenKind.Not,
        ["in"] = TokenKind.In,
        ["between"] = TokenKind.Between,
        ["is"] = TokenKind.Is,
        ["null"] = TokenKind.Null,
        ["true"] = TokenKind.True,
        ["false"] = TokenKind.False,
        ["case"] = TokenKind.Case,
        ["when"] = TokenKind.When,
        ["then"] = TokenKind.Then,
        ["else"] = TokenKind.Else,
        ["end"] = TokenKind.EndKeyword,
    };

    /// <summary>True when <paramref name="word"/> is a reserved word (and so must be quoted as a column name).</summary>
    public static bool IsKeyword(string word) => Keywords.ContainsKey(word);

    public static List<Token> Tokenize(string rule)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < rule.Length)
        {
            var c = rule[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var token = c switch
            {
                '(' => Simple(TokenKind.LeftParen, i, 1, rule),
                ')' => Simple(TokenKind.RightParen, i, 1, rule),
                ',' => Simple(TokenKind.Comma, i, 1, rule),
                '+' => Simple(TokenKind.Plus, i, 1, rule),
                '*' => Simple(TokenKind.Star, i, 1, rule),
                '-' when Next(rule, i) == '-' => throw new RuleSyntaxError(i, "comments (\"--\") are not allowed in a rule; to negate twice write -(-x)"),
                '-' => Simple(TokenKind.Minus, i, 1, rule),
                '/' when Next(rule, i) == '*' => throw new RuleSyntaxError(i, "comments (\"/*\") are not allowed in a rule"),
                '/' => Simple(TokenKind.Slash, i, 1, rule),
                '=' when Next(rule, i) == '=' => Simple(TokenKind.Equal, i, 2, rule),
                '=' => Simple(TokenKind.Equal, i, 1, rule),
                '!' when Next(rule, i) == '=' => Simple(TokenKind.NotEqual, i, 2, rule),
                '<' when Next(rule, i) == '>' => Simple(TokenKind.NotEqual, i, 2, rule),
                '<' when Next(rule, i) == '=' => Simple(TokenKind.LessOrEqual, i, 2, rule),
                '<' => Simple(TokenKind.Less, i, 1, rule),
                '>' when Next(rule, i) == '=' => Simple(TokenKind.GreaterOrEqual, i, 2, rule),
                '>' => Simple(TokenKind.Greater, i, 1, rule),
                '\'' => ReadString(rule, i),
                '"' => ReadQuotedIdentifier(rule, i),
                >= '0' and <= '9' => ReadNumber(rule, i),
                '.' when Next(rule, i) is >= '0' and <= '9' => throw new RuleSyntaxError(i, "a number must start with a digit: write 0.5, not .5"),
                _ when IsIdentifierStart(c) => ReadIdentifier(rule, i),
                _ => throw new RuleSyntaxError(i, Unexpected(rule, i)),
            };
            tokens.Add(token);
            i = token.Start + token.Length;
        }
        tokens.Add(new Token(TokenKind.End, rule.Length, 0, ""));
        return tokens;
    }

    private static Token Simple(TokenKind kind, int start, int length, string rule) =>
        new(kind, start, length, rule.Substring(start, length));

    private static char Next(string rule, int i) => i + 1 < rule.Length ? rule[i + 1] : '\0';

    private static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || c is >= '0' and <= '9';

    private static Token ReadIdentifier(string rule, int start)
    {
        var i = start + 1;
        while (i < rule.Length && IsIdentifierPart(rule[i])) i++;
        if (i < rule.Length && char.IsLetter(rule[i]))
            throw new RuleSyntaxError(start, "a name with non-ASCII letters must be written in double quotes, e.g. \"客户等级\"");
        var text = rule[start..i];
        return new Token(Keywords.TryGetValue(text, out var kind) ? kind : TokenKind.Identifier, start, i - start, text);
    }

    private static Token ReadNumber(string rule, int start)
    {
        var i = start;
        while (i < rule.Length && char.IsAsciiDigit(rule[i])) i++;
        if (i < rule.Length && rule[i] == '.')
        {
            i++;
            if (i >= rule.Length || !char.IsAsciiDigit(rule[i]))
                throw new RuleSyntaxError(i, "expected a digit after the decimal point, e.g. 5.0");
            while (i < rule.Length && char.IsAsciiDigit(rule[i])) i++;
        }
        if (i < rule.Length && (IsIdentifierPart(rule[i]) || char.IsLetter(rule[i]) || rule[i] == '.'))
        {
            var hint = rule[i] is 'e' or 'E'
                ? "exponent notation is not supported: write the number out, e.g. 1000 for 1e3"
                : "a number must not be followed directly by a letter, digit group or '.'; put a space or an operator between";
            throw new RuleSyntaxError(i, hint);
        }
        var text = rule[start..i];
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            throw new RuleSyntaxError(start, $"the number {Shorten(text)} is too large or too precise (at most 28 significant digits)");
        return new Token(TokenKind.Number, start, i - start, text, value);
    }

    private static Token ReadString(string rule, int start) => ReadQuoted(rule, start, '\'', TokenKind.String,
        "the text is not closed: add a ' at its end (write '' for a quote inside text)");

    private static Token ReadQuotedIdentifier(string rule, int start)
    {
        var token = ReadQuoted(rule, start, '"', TokenKind.QuotedIdentifier,
            "the quoted name is not closed: add a \" at its end (write \"\" for a quote inside a name)");
        if (string.IsNullOrWhiteSpace(token.Text))
            throw new RuleSyntaxError(start, "a quoted column name must not be empty");
        return token;
    }

    private static Token ReadQuoted(string rule, int start, char quote, TokenKind kind, string unclosed)
    {
        var text = new StringBuilder();
        var i = start + 1;
        while (true)
        {
            if (i >= rule.Length) throw new RuleSyntaxError(start, unclosed);
            if (rule[i] == quote)
            {
                if (Next(rule, i) != quote) break;
                text.Append(quote);
                i += 2;
                continue;
            }
            text.Append(rule[i]);
            i++;
        }
        return new Token(kind, start, i + 1 - start, text.ToString());
    }

    private static string Unexpected(string rule, int i)
    {
        var c = rule[i];
        return c switch
        {
            ';' => "\";\" is not allowed: a rule is a single condition",
            '|' when Next(rule, i) == '|' => "\"||\" is not supported: use \"or\" (text cannot be concatenated in a rule)",
            '&' when Next(rule, i) == '&' => "\"&&\" is not supported: use \"and\"",
            '!' => "\"!\" is not supported: use \"not\" (or \"!=\" for not equal)",
            '`' or '[' => "quote a column name with double quotes, e.g. \"客户等级\"",
            '（' or '）' or '，' or '；' or '‘' or '’' or '“' or '”' or '＝' or '＜' or '＞' =>
                $"\"{c}\" is a full-width or typographic character: use the ASCII one ({Ascii(c)})",
            _ when char.IsLetter(c) => "a name with non-ASCII letters must be written in double quotes, e.g. \"客户等级\"",
            _ when char.IsControl(c) || char.IsSurrogate(c) => $"unexpected character U+{(int)c:X4}",
            _ => $"unexpected character \"{c}\"",
        };
    }

    private static string Ascii(char c) => c switch
    {
        '（' => "(",
        '）' => ")",
        '，' => ",",
        '；' => ";",
        '‘' or '’' => "'",
        '“' or '”' => "\"",
        '＝' => "=",
        '＜' => "<",
        _ => ">",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "…";
}
