using System.Globalization;
using System.Runtime.CompilerServices;
using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.Schemes.Rules.Internal;

/// <summary>Infers the type of every node and collects every problem (not only the first).</summary>
internal sealed class TypeChecker
{
    private readonly FeatureSchema _schema;
    private readonly IReadOnlyDictionary<Expr, int> _positions;
    private readonly List<(int Index, string Message)> _problems = [];

    private TypeChecker(FeatureSchema schema, IReadOnlyDictionary<Expr, int> positions)
    {
        _schema = schema;
        _positions = positions;
    }

    /// <summary>Problems with the 0-based index of the node they concern (-1 when unknown), in source order.</summary>
    public static IReadOnlyList<(int Index, string Message)> Check(Expr root, FeatureSchema schema, IReadOnlyDictionary<Expr, int> positions)
    {
        var checker = new TypeChecker(schema, positions);
        var type = checker.Infer(root);
        if (type is not (RuleType.Boolean or RuleType.Unknown))
        {
            checker.Report(root, $"the rule must be a condition (true or false), but {Describe(root)} is {Name(type)}"
                + (type == RuleType.Number ? $": compare it, e.g. {Describe(root)} >= 30" : ""));
        }
        return [.. checker._problems.OrderBy(p => p.Index)];
    }

    private void Report(Expr at, string message) => _problems.Add((_positions.TryGetValue(at, out var i) ? i : -1, message));

    private RuleType Infer(Expr expr)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            Report(expr, "the rule is nested too deeply to check");
            return RuleType.Unknown;
        }
        return expr switch
        {
            Literal literal => LiteralType(literal),
            ColumnRef column => ColumnType(column, column.Name),
            PopulationAggregate aggregate => AggregateType(aggregate),
            Unary { Op: UnaryOp.Not } not => Require(not.Operand, RuleType.Boolean, "\"not\"", RuleType.Boolean),
            Unary negate => Require(negate.Operand, RuleType.Number, "\"-\"", RuleType.Number),
            Binary { Op: BinaryOp.And or BinaryOp.Or } b => Both(b, RuleType.Boolean),
            Binary { Op: BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply or BinaryOp.Divide } b => Both(b, RuleType.Number),
            Binary b => Comparison(b),
            InList list => InListType(list),
            Between between => BetweenType(between),
            IsNull isNull => IsNullType(isNull),
            CaseWhen caseWhen => CaseType(caseWhen),
            _ => Unsupported(expr),
        };
    }

    private RuleType Unsupported(Expr expr)
    {
        Report(expr, $"a {expr.GetType().Name} node is not part of the rule language");
        return RuleType.Unknown;
    }

    private RuleType LiteralType(Literal literal)
    {
        switch (literal.Value)
        {
            case null: return RuleType.Null;
            case decimal or long or int or short or byte or double or float: return RuleType.Number;
            case string: return RuleType.Text;
            case bool: return RuleType.Boolean;
            case DateOnly or DateTime: return RuleType.Date;
            default:
                Report(literal, $"a literal of type {literal.Value.GetType().Name} is not supported");
                return RuleType.Unknown;
        }
    }

    private RuleType ColumnType(Expr at, string name)
    {
        if (_schema.TryGetType(name, out var type))
        {
            return type switch
            {
                FeatureType.Number => RuleType.Number,
                FeatureType.Text => RuleType.Text,
                FeatureType.Date => RuleType.Date,
                _ => RuleType.Boolean,
            };
        }
        var suggestions = NameSuggester.Suggest(name, _schema.Columns.Keys);
        var shown = RuleFormatter.Name(name);
        Report(at, suggestions.Count == 0
            ? $"unknown column {shown}: it is neither a standard feature nor an attribute column of this data set"
            : $"unknown column {shown}: did you mean {string.Join(" or ", suggestions.Select(RuleFormatter.Name))}?");
        return RuleType.Unknown;
    }

    private RuleType AggregateType(PopulationAggregate aggregate)
    {
        var text = RuleFormatter.Format(aggregate);
        var type = ColumnType(aggregate, aggregate.Column);
        if (type is not (RuleType.Number or RuleType.Unknown))
            Report(aggregate, $"{text}: {RuleFormatter.Name(aggregate.Column)} is {Name(type)}; population statistics need a numeric column");
        var needsShare = aggregate.Function is AggregateFunction.Percentile or AggregateFunction.TopShare;
        if (needsShare && aggregate.Argument is not (> 0m and < 1m))
            Report(aggregate, $"{text}: the share must be between 0 and 1 (exclusive), e.g. 0.8");
        if (!needsShare && aggregate.Argument is not null)
            Report(aggregate, $"{text}: this function takes no share");
        return RuleType.Number;
    }

    private RuleType Require(Expr operand, RuleType wanted, string op, RuleType result)
    {
        var type = Infer(operand);
        if (type != wanted && type is not (RuleType.Null or RuleType.Unknown))
            Report(operand, $"{op} needs {Name(wanted)}, but {Describe(operand)} is {Name(type)}");
        return result;
    }

    private RuleType Both(Binary binary, RuleType wanted)
    {
        var op = "\"" + Symbol(binary.Op) + "\"";
        Require(binary.Left, wanted, op, wanted);
        return Require(binary.Right, wanted, op, wanted);
    }

    private RuleType Comparison(Binary binary)
    {
        var ordering = binary.Op is not (BinaryOp.Equal or BinaryOp.NotEqual);
        var left = Infer(binary.Left);
        var right = Infer(binary.Right);
        if (left == RuleType.Null || right == RuleType.Null)
        {
            var column = left == RuleType.Null ? binary.Right : binary.Left;
            var advice = binary.Op switch
            {
                BinaryOp.Equal => $": write {Describe(column)} is null",
                BinaryOp.NotEqual => $": write {Describe(column)} is not null",
                _ => "",
            };
            Report(binary, $"comparing with null with \"{Symbol(binary.Op)}\" is never true{advice}");
            return RuleType.Boolean;
        }
        Comparable(binary, Symbol(binary.Op), binary.Left, left, binary.Right, right, ordering);
        return RuleType.Boolean;
    }

    private RuleType InListType(InList list)
    {
        var value = Infer(list.Value);
        foreach (var item in list.Items)
        {
            var type = Infer(item);
            if (type == RuleType.Null)
                Report(item, "null in a list never matches (and makes \"not in\" never true): use \"is null\"");
            else
                Comparable(item, list.Negated ? "not in" : "in", list.Value, value, item, type, ordering: false);
        }
        return RuleType.Boolean;
    }

    private RuleType BetweenType(Between between)
    {
        var value = Infer(between.Value);
        var op = between.Negated ? "not between" : "between";
        foreach (var bound in new[] { between.Low, between.High })
        {
            var type = Infer(bound);
            if (type == RuleType.Null)
                Report(bound, $"\"{op}\" with a null bound is never true");
            else if (value != RuleType.Null)
                Comparable(bound, op, between.Value, value, bound, type, ordering: true);
        }
        return RuleType.Boolean;
    }

    private RuleType IsNullType(IsNull isNull)
    {
        Infer(isNull.Value);
        return RuleType.Boolean;
    }

    private RuleType CaseType(CaseWhen caseWhen)
    {
        var result = RuleType.Null;
        Expr? first = null;
        foreach (var branch in caseWhen.Branches)
        {
            Require(branch.When, RuleType.Boolean, "\"when\"", RuleType.Boolean);
            Merge(branch.Then, ref result, ref first);
        }
        Merge(caseWhen.Else, ref result, ref first);
        return result;
    }

    private void Merge(Expr branch, ref RuleType result, ref Expr? first)
    {
        var type = Infer(branch);
        if (type is RuleType.Null or RuleType.Unknown) return;
        if (result is RuleType.Null or RuleType.Unknown)
        {
            result = type;
            first = branch;
        }
        else if (type != result)
        {
            Report(branch, $"all results of a case must have one type: {Describe(first!)} is {Name(result)} but {Describe(branch)} is {Name(type)}");
        }
    }

    /// <summary>Reports when two sides cannot be compared; a date compares with a 'yyyy-MM-dd' text literal.</summary>
    private void Comparable(Expr at, string op, Expr left, RuleType lt, Expr right, RuleType rt, bool ordering)
    {
        if (lt == RuleType.Unknown || rt == RuleType.Unknown) return;
        if (lt == RuleType.Date && rt == RuleType.Text) { CheckDateText(at, right); return; }
        if (lt == RuleType.Text && rt == RuleType.Date) { CheckDateText(at, left); return; }
        if (lt != rt)
        {
            var hint = (lt, rt, left, right) switch
            {
                (RuleType.Number, RuleType.Text, _, Literal { Value: string s }) when IsNumber(s) => $": write {s} without quotes",
                (RuleType.Text, RuleType.Number, Literal { Value: string s }, _) when IsNumber(s) => $": write {s} without quotes",
                (RuleType.Text, RuleType.Number, _, Literal { Value: decimal d }) => $": if {Describe(left)} holds codes, write '{d.ToString(CultureInfo.InvariantCulture)}' in quotes",
                _ => "",
            };
            Report(at, $"\"{op}\" cannot compare {Describe(left)} ({Name(lt)}) with {Describe(right)} ({Name(rt)}){hint}");
            return;
        }
        if (ordering && lt == RuleType.Text)
            Report(at, $"text cannot be ordered with \"{op}\" (the order depends on each engine's collation): use =, != or in");
        else if (ordering && lt == RuleType.Boolean)
            Report(at, $"true/false values cannot be ordered with \"{op}\": use = or !=");
    }

    private void CheckDateText(Expr at, Expr text)
    {
        if (text is Literal { Value: string s }
            && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return;
        }
        Report(at, $"{Describe(text)} is not a date: write dates as 'yyyy-MM-dd', e.g. '2024-06-30'");
    }

    private static bool IsNumber(string s) =>
        decimal.TryParse(s.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    private static string Describe(Expr expr)
    {
        var text = expr switch
        {
            ColumnRef c => RuleFormatter.Name(c.Name),
            _ => SafeFormat(expr),
        };
        return text.Length <= 40 ? text : text[..39] + "…";
    }

    private static string SafeFormat(Expr expr)
    {
        try
        {
            return RuleFormatter.Format(expr);
        }
        catch (ArgumentException)
        {
            return "the expression";
        }
    }

    private static string Name(RuleType type) => type switch
    {
        RuleType.Number => "a number",
        RuleType.Text => "text",
        RuleType.Date => "a date",
        RuleType.Boolean => "a condition (true/false)",
        RuleType.Null => "null",
        _ => "unknown",
    };

    private static string Symbol(BinaryOp op) => RuleFormatter.Symbol(op);
}
