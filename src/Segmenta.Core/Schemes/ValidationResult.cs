namespace Segmenta.Core.Schemes;

/// <summary>
/// The outcome of validating user input: every problem found, not only the first. Empty means valid.
/// </summary>
/// <param name="Problems">All problems, in the order they occur in the input.</param>
public sealed record ValidationResult(IReadOnlyList<ValidationProblem> Problems)
{
    /// <summary>A result with no problems.</summary>
    public static ValidationResult Valid { get; } = new(Array.Empty<ValidationProblem>());

    /// <summary>True when there is no problem.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>A result with one problem.</summary>
    public static ValidationResult Of(ValidationProblem problem) => new([problem]);

    /// <summary>The problems, one per line (empty when valid).</summary>
    public override string ToString() => string.Join(Environment.NewLine, Problems);
}
