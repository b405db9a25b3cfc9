using Segmenta.Core.Schemes.Rules;
using Segmenta.Core.Schemes.Rules.Internal;

namespace Segmenta.Core.Schemes.Definitions.Internal;

/// <summary>Collects problems, each prefixed with the path of the field it is about (<c>segments[2].when</c>).</summary>
internal sealed class ProblemList(FeatureSchema? schema)
{
    private readonly List<ValidationProblem> _problems = [];

    /// <summary>The feature schema, or null when only the structure is checked (columns are then not looked up).</summary>
    public FeatureSchema? Schema { get; } = schema;

    public IReadOnlyList<ValidationProblem> Problems => _problems;

    public void Add(string path, string message) => _problems.Add(new ValidationProblem($"{path}: {message}"));

    /// <summary>"; did you mean "x" or "y"?" or nothing.</summary>
    public static string DidYouMean(string name, IEnumerable<string> known)
    {
        var suggestions = NameSuggester.Suggest(name, known);
        return suggestions.Count == 0 ? "" : "; did you mean " + string.Join(" or ", suggestions.Select(s => $"\"{s}\"")) + "?";
    }

    /// <summary>A value must be one of a fixed set of words (kind, method, split).</summary>
    public bool RequireOneOf(string path, string? value, IReadOnlyList<string> allowed)
    {
        if (value is not null && allowed.Contains(value, StringComparer.Ordinal))
            return true;
        var expected = "expected one of " + string.Join(", ", allowed);
        Add(path, string.IsNullOrWhiteSpace(value) ? $"missing; {expected}" : $"\"{value}\" is not known{DidYouMean(value, allowed)} ({expected})");
        return false;
    }

    /// <summary>A column must exist (with a "did you mean") and, when <paramref name="type"/> is given, have that type.</summary>
    public void RequireColumn(string path, string? name, FeatureType? type)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            Add(path, "missing: name a feature column");
            return;
        }
        if (Schema is null)
            return;
        if (!Schema.TryGetType(name, out var actual))
            Add(path, $"unknown column \"{name}\"{DidYouMean(name, Schema.Columns.Keys)}");
        else if (type is { } expected && actual != expected)
            Add(path, $"column \"{name}\" is {Describe(actual)}, but {Describe(expected)} is needed here");
    }

    /// <summary>Checks a rule: the syntax always, the columns and types when there is a schema.</summary>
    public void CheckRule(string path, string rule)
    {
        var result = Schema is null ? RuleParser.TryParse(rule, out _) : RuleChecker.Check(rule, Schema);
        foreach (var problem in result.Problems)
            Add(path, problem.ToString());
    }

    /// <summary>Strictly ascending values, each optionally inside (0, 1).</summary>
    public void CheckBreaks(string path, IReadOnlyList<decimal> breaks, bool probabilities)
    {
        for (var i = 0; i < breaks.Count; i++)
        {
            if (probabilities && breaks[i] is <= 0m or >= 1m)
                Add($"{path}[{i}]", $"{breaks[i]} is not a quantile: write a share between 0 and 1 (exclusive), e.g. 0.8");
            if (i > 0 && breaks[i] <= breaks[i - 1])
            {
                Add($"{path}[{i}]", breaks[i] == breaks[i - 1]
                    ? $"{breaks[i]} repeats the previous break: breaks must not overlap"
                    : $"{breaks[i]} is below the previous break {breaks[i - 1]}: list breaks in ascending order");
            }
        }
    }

    private static string Describe(FeatureType type) => type switch
    {
        FeatureType.Number => "a number",
        FeatureType.Text => "text",
        FeatureType.Date => "a date",
        FeatureType.Boolean => "true/false",
        _ => type.ToString(),
    };
}
