using Segmenta.Core;

namespace Segmenta.Data.Engines;

/// <summary>
/// The engine (a PostgreSQL server, a ClickHouse shard) cannot be reached. A configuration problem the user fixes
/// (start the server, correct <c>--source</c>), so it is an input error: the CLI exits with code 2, and nothing is
/// written.
/// </summary>
public sealed class EngineUnavailableException : SegmentaInputException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="address">The unreachable server as <c>host:port</c>.</param>
    /// <param name="message">One line: what is unreachable, why, and what to do.</param>
    /// <param name="inner">The network error.</param>
    public EngineUnavailableException(string address, string message, Exception? inner = null)
        : base(message, inner!)
    {
        Address = address;
    }

    /// <summary>The unreachable server as <c>host:port</c>.</summary>
    public string Address { get; }
}
