namespace Segmenta.Core.Schemes;

/// <summary>One problem found while validating user input (a rule, a scheme file, settings).</summary>
/// <param name="Message">What is wrong and what to do, without the position.</param>
/// <param name="Line">1-based line in the validated text, or null when unknown.</param>
/// <param name="Column">1-based column (in Unicode code points) on that line, or null when unknown.</param>
public sealed record ValidationProblem(string Message, int? Line = null, int? Column = null)
{
    /// <summary>The problem as one line, e.g. <c>column 17: expected a number</c>.</summary>
    public override string ToString() => (Line, Column) switch
    {
        (null, null) => Message,
        (1, { } c) => $"column {c}: {Message}",
        ({ } l, { } c) => $"line {l}, column {c}: {Message}",
        ({ } l, null) => $"line {l}: {Message}",
        (null, { } c) => $"column {c}: {Message}",
    };
}
