using System.Globalization;
using System.Runtime.CompilerServices;
using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.Schemes.Rules.Internal;

/// <summary>
/// Recursive-descent parser for the rule grammar (see docs/rules.md). Every node it creates is recorded with
/// the 0-based index of the token it came from, so later checks can point at the right column.
/// </summary>
internal sealed class Parser
{
    private const string OperandExpected = "a number, a column or \"(\"";

    private readonly string _rule;
    private readonly List<Token> _tokens;
    private readonly Dictionary<Expr, int> _positions = new(ReferenceEqualityComparer.Instance);
    private int _pos;
    private int _nesting;

    private Parser(string rule)
    {
        _rule = rule;
        _tokens = Lexer.Tokenize(rule);
    }

    /// <summary>Parses a whole rule; throws <see cref="RuleSyntaxError"/>.</summary>
    public static ParsedRule Parse(string rule)
    {
        var parser = new Parser(rule);
        var expr = parser.ParseOr();
        var next = parser.Peek;
        if (next.Kind != TokenKind.End)
        {
            throw next.Kind == TokenKind.RightParen
                ? new RuleSyntaxError(next.Start, "this \")\" has no matching \"(\"")
                : Error(next, "an operator, \"and\", \"or\" or the end of the rule");
        }
        var depth = ExprTree.Depth(expr);
        if (depth > RuleParser.MaxDepth)
        {
            throw new RuleSyntaxError(0,
                $"the rule is {depth} operators deep; the limit is {RuleParser.MaxDepth}: use \"in (...)\" instead of long chains of \"or\"");
        }
        return new ParsedRule(rule, expr, parser._positions);
    }

    private Token Peek => _tokens[_pos];

    private Token PeekAt(int offset) => _tokens[Math.Min(_pos + offset, _tokens.Count - 1)];

    private Token Advance() => _tokens[_pos++];

    private bool Match(TokenKind kind, out Token token)
    {
        token = Peek;
        if (token.Kind != kind) return false;
        _pos++;
        return true;
    }

    private Token Expect(TokenKind kind, string expected)
    {
        var token = Peek;
        if (token.Kind != kind) throw Error(token, expected);
        _pos++;
        return token;
    }

    private static RuleSyntaxError Error(Token found, string expected) =>
        new(found.Start, $"expected {expected}, found {Describe(found)}");

    private static string Describe(Token token) => token.Kind switch
    {
        TokenKind.End => "the end of the rule",
        TokenKind.String => "the text '" + Shorten(token.Text) + "'",
        TokenKind.Number => "the number " + Shorten(token.Text),
        TokenKind.QuotedIdentifier => "the column \"" + Shorten(token.Text) + "\"",
        TokenKind.Identifier => "\"" + Shorten(token.Text) + "\"",
        _ => "\"" + token.Text + "\"",
    };

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..27] + "…";

    private T Node<T>(T expr, Token token) where T : Expr
    {
        _positions[expr] = token.Start;
        return expr;
    }

    private void Enter(Token token)
    {
        if (++_nesting > RuleParser.MaxNesting || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new RuleSyntaxError(token.Start,
                $"the rule is nested too deeply: more than {RuleParser.MaxNesting} levels of parentheses, \"not\", \"-\" or \"case\"");
        }
    }

    private void Leave() => _nesting--;

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (Match(TokenKind.Or, out var op))
            left = Node(new Binary(BinaryOp.Or, left, ParseAnd()), op);
        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (Match(TokenKind.And, out var op))
            left = Node(new Binary(BinaryOp.And, left, ParseNot()), op);
        return left;
    }

    private Expr ParseNot()
    {
        if (!Match(TokenKind.Not, out var op)) return ParsePredicate();
        Enter(op);
        var operand = ParseNot();
        Leave();
        return Node(new Unary(UnaryOp.Not, operand), op);
    }

    private Expr ParsePredicate()
    {
        var left = ParseAdditive();
        var op = Peek;
        Expr result;
        if (ComparisonOf(op.Kind) is { } comparison)
        {
            Advance();
            result = Node(new Binary(comparison, left, ParseAdditive()), op);
        }
        else if (op.Kind == TokenKind.Not && PeekAt(1).Kind is TokenKind.In or TokenKind.Between)
        {
            Advance();
            result = ParsePredicateTail(left, Advance(), negated: true);
        }
        else if (op.Kind == TokenKind.Not)
        {
            throw Error(PeekAt(1), "\"in\" or \"between\" after \"not\"");
        }
        else if (op.Kind is TokenKind.In or TokenKind.Between or TokenKind.Is)
        {
            result = ParsePredicateTail(left, Advance(), negated: false);
        }
        else
        {
            return left;
        }
        var after = Peek;
        if (ComparisonOf(after.Kind) is not null || after.Kind is TokenKind.In or TokenKind.Between or TokenKind.Is
            || (after.Kind == TokenKind.Not && PeekAt(1).Kind is TokenKind.In or TokenKind.Between))
        {
            throw new RuleSyntaxError(after.Start,
                $"comparisons cannot be chained: put parentheses around the first one, or write a >= 1 and a <= 5; found {Describe(after)}");
        }
        return result;
    }

    private Expr ParsePredicateTail(Expr value, Token op, bool negated)
    {
        switch (op.Kind)
        {
            case TokenKind.In:
                {
                    Expect(TokenKind.LeftParen, "\"(\" after \"in\", e.g. in ('浙江', '江苏')");
                    var items = new List<Expr> { ParseOr() };
                    while (Match(TokenKind.Comma, out _)) items.Add(ParseOr());
                    Expect(TokenKind.RightParen, "\",\" or \")\" in the list");
                    return Node(new InList(value, items, negated), op);
                }
            case TokenKind.Between:
                {
                    var low = ParseAdditive();
                    Expect(TokenKind.And, "\"and\" between the two bounds, e.g. between 1 and 5");
                    var high = ParseAdditive();
                    return Node(new Between(value, low, high, negated), op);
                }
            default:
                {
                    var not = Match(TokenKind.Not, out _);
                    Expect(TokenKind.Null, not ? "\"null\"" : "\"null\" or \"not null\" after \"is\"");
                    return Node(new IsNull(value, not), op);
                }
        }
    }

    private static BinaryOp? ComparisonOf(TokenKind kind) => kind switch
    {
        TokenKind.Equal => BinaryOp.Equal,
        TokenKind.NotEqual => BinaryOp.NotEqual,
        TokenKind.Less => BinaryOp.Less,
        TokenKind.LessOrEqual => BinaryOp.LessOrEqual,
        TokenKind.Greater => BinaryOp.Greater,
        TokenKind.GreaterOrEqual => BinaryOp.GreaterOrEqual,
        _ => null,
    };

    private Expr ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Peek.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance();
            var kind = op.Kind == TokenKind.Plus ? BinaryOp.Add : BinaryOp.Subtract;
            left = Node(new Binary(kind, left, ParseMultiplicative()), op);
        }
        return left;
    }

    private Expr ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Peek.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Advance();
            var kind = op.Kind == TokenKind.Star ? BinaryOp.Multiply : BinaryOp.Divide;
            left = Node(new Binary(kind, left, ParseUnary()), op);
        }
        return left;
    }

    private Expr ParseUnary()
    {
        if (!Match(TokenKind.Minus, out var minus)) return ParsePrimary();
        if (Match(TokenKind.Number, out var number))
            return Node(new Literal(-number.Number), minus);
        Enter(minus);
        var operand = ParseUnary();
        Leave();
        return Node(new Unary(UnaryOp.Negate, operand), minus);
    }

    private Expr ParsePrimary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return Node(new Literal(token.Number), token);
            case TokenKind.String:
                Advance();
                return Node(new Literal(token.Text), token);
            case TokenKind.True or TokenKind.False:
                Advance();
                return Node(new Literal(token.Kind == TokenKind.True), token);
            case TokenKind.Null:
                Advance();
                return Node(new Literal(null), token);
            case TokenKind.Identifier when PeekAt(1).Kind == TokenKind.LeftParen:
                return ParseAggregate();
            case TokenKind.Identifier or TokenKind.QuotedIdentifier:
                Advance();
                return Node(new ColumnRef(token.Text), token);
            case TokenKind.LeftParen:
                {
                    Advance();
                    Enter(token);
                    var inner = ParseOr();
                    if (Peek.Kind != TokenKind.RightParen)
                        throw Error(Peek, $"\")\" to close the \"(\" at column {RuleText.Locate(_rule, token.Start).Column}");
                    Advance();
                    Leave();
                    return inner;
                }
            case TokenKind.Case:
                return ParseCase();
            default:
                throw Error(token, OperandExpected);
        }
    }

    private CaseWhen ParseCase()
    {
        var start = Advance();
        Enter(start);
        var branches = new List<CaseBranch>();
        do
        {
            Expect(TokenKind.When, "\"when\" after \"case\"");
            var when = ParseOr();
            Expect(TokenKind.Then, "\"then\"");
            branches.Add(new CaseBranch(when, ParseOr()));
        }
        while (Peek.Kind == TokenKind.When);
        var otherwise = Match(TokenKind.Else, out var elseToken) ? ParseOr() : Node(new Literal(null), start);
        Expect(TokenKind.EndKeyword, elseToken.Kind == TokenKind.Else ? "\"end\"" : "\"when\", \"else\" or \"end\"");
        Leave();
        return Node(new CaseWhen(branches, otherwise), start);
    }

    private PopulationAggregate ParseAggregate()
    {
        var name = Advance();
        var (function, argument) = FunctionOf(name);
        Advance(); // "("
        var column = Peek;
        if (column.Kind is not (TokenKind.Identifier or TokenKind.QuotedIdentifier))
            throw Error(column, $"a column name: {name.Text}(…) takes a single column, e.g. {name.Text.ToLowerInvariant()}(monetary_total)");
        Advance();
        if (function is AggregateFunction.Percentile or AggregateFunction.TopShare && argument is null)
        {
            var example = $"{name.Text.ToLowerInvariant()}({column.Text}, 0.8)";
            Expect(TokenKind.Comma, $"\",\" and a share, e.g. {example}");
            var negative = Match(TokenKind.Minus, out _);
            var share = Expect(TokenKind.Number, $"a share between 0 and 1, e.g. {example}");
            argument = negative ? -share.Number : share.Number;
            Expect(TokenKind.RightParen, "\")\"");
        }
        else
        {
            Expect(TokenKind.RightParen, $"\")\": {name.Text}(…) takes a single column");
        }
        return Node(new PopulationAggregate(function, column.Text, argument), name);
    }

    private static (AggregateFunction Function, decimal? Argument) FunctionOf(Token name)
    {
        switch (name.Text.ToLowerInvariant())
        {
            case "mean" or "avg": return (AggregateFunction.Mean, null);
            case "median": return (AggregateFunction.Median, null);
            case "min": return (AggregateFunction.Min, null);
            case "max": return (AggregateFunction.Max, null);
            case "percentile": return (AggregateFunction.Percentile, null);
            case "top_share": return (AggregateFunction.TopShare, null);
        }
        var text = name.Text;
        if (text.Length is 2 or 3 && text[0] is 'p' or 'P' && text.Skip(1).All(char.IsAsciiDigit)
            && int.Parse(text.AsSpan(1), CultureInfo.InvariantCulture) is >= 1 and <= 99 and var p)
        {
            return (AggregateFunction.Percentile, p / 100m);
        }
        throw new RuleSyntaxError(name.Start,
            $"unknown function \"{Shorten(text)}\": rules can use mean, avg, median, min, max, p1 … p99, percentile and top_share");
    }
}
