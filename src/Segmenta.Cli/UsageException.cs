namespace Segmenta.Cli;

/// <summary>A command-line mistake that the parser cannot catch (e.g. a malformed option value); exit code 1.</summary>
internal sealed class UsageException(string message) : Exception(message);
