namespace Segmenta.Data.ClickHouse;

/// <summary>A statement failed on a ClickHouse node (the server's <c>Code: NNN, e.displayText() = …</c> message).</summary>
public sealed class ClickHouseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClickHouseException() { }

    /// <summary>Creates the exception with the server's message.</summary>
    public ClickHouseException(string message) : base(message) { }

    /// <summary>Creates the exception with the server's message and a cause.</summary>
    public ClickHouseException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The server's error code (0 when unknown).</summary>
    public int Code { get; init; }
}
