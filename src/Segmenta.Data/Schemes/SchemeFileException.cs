using Segmenta.Core;

namespace Segmenta.Data.Schemes;

/// <summary>A scheme file that cannot be used: every problem, each one line with file, line, column and the fix.</summary>
public sealed class SchemeFileException : SegmentaInputException
{
    /// <summary>Creates the exception from its problems (at least one).</summary>
    public SchemeFileException(IReadOnlyList<SchemeProblem> problems)
        : base(string.Join(Environment.NewLine, problems ?? throw new ArgumentNullException(nameof(problems))))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with one message (prefer the constructor with problems).</summary>
    public SchemeFileException(string message) : base(message) => Problems = [];

    /// <summary>Creates the exception with one message and its cause (prefer the constructor with problems).</summary>
    public SchemeFileException(string message, Exception innerException) : base(message, innerException) => Problems = [];

    /// <summary>Creates the exception with no message (prefer the constructor with problems).</summary>
    public SchemeFileException() => Problems = [];

    /// <summary>The problems, in file order.</summary>
    public IReadOnlyList<SchemeProblem> Problems { get; }
}
