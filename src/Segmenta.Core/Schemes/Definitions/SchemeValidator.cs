using Segmenta.Core.Schemes.Definitions.Internal;
using Segmenta.Core.Schemes.Rules;

namespace Segmenta.Core.Schemes.Definitions;

/// <summary>Checks a <see cref="SchemeDefinition"/> before it is planned, listing every problem.</summary>
public static class SchemeValidator
{
    /// <summary>
    /// Lists every problem of a definition, each message starting with the path of its field (<c>segments[2].when:
    /// column 1: unknown column "recncy_days"; did you mean "recency_days"?</c>): missing or unknown name and kind,
    /// unknown columns (with "did you mean"), type mismatches, rules that do not parse or type-check, unsorted or
    /// overlapping breaks, quantiles outside (0, 1), missing default, duplicate or missing segment names, empty
    /// segments, matrix cells missing or taken twice, and settings or fields the kind does not use.
    /// </summary>
    /// <param name="definition">The scheme, typically from a YAML file.</param>
    /// <param name="schema">
    /// The columns available: the standard features plus attributes, predictions (<c>clv_12m</c>, <c>p_alive</c>)
    /// and, for kind combine, the segment columns of the schemes that run before.
    /// </param>
    /// <returns>Valid, or every problem: the common fields (name, kind, segments, default) first, then the kind's settings and rules.</returns>
    public static ValidationResult Validate(SchemeDefinition definition, FeatureSchema schema)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(schema);
        return Check(definition, schema);
    }

    /// <summary>Checks the structure, and the columns when <paramref name="schema"/> is given.</summary>
    internal static ValidationResult Check(SchemeDefinition definition, FeatureSchema? schema)
    {
        var problems = new ProblemList(schema);
        DefinitionChecker.Check(definition, problems);
        return problems.Problems.Count == 0 ? ValidationResult.Valid : new ValidationResult(problems.Problems);
    }
}
