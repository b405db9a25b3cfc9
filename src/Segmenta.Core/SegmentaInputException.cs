namespace Segmenta.Core;

/// <summary>
/// Bad input from a user or a file. The message says what is wrong, where (file, row, column,
/// rule or YAML line) and what to do about it; hosts print it as one line and exit with code 2.
/// </summary>
public class SegmentaInputException : Exception
{
    /// <summary>Creates the exception with a complete, user-facing message.</summary>
    public SegmentaInputException(string message) : base(message) { }

    /// <summary>Creates the exception with a complete, user-facing message and its cause.</summary>
    public SegmentaInputException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with no message; prefer the constructors that explain.</summary>
    public SegmentaInputException() { }
}
