using System.Globalization;
using Segmenta.Core;

namespace Segmenta.Data.ClickHouse;

/// <summary>
/// Where a ClickHouse engine runs: <c>clickhouse://host:port[,host:port…][/database][?cluster=NAME]</c>, the HTTP
/// address of every shard of the cluster in shard order (DDL runs on each node: without ZooKeeper there is no
/// <c>ON CLUSTER</c>). Segmenta's tables go into <c>database</c> (default <c>segmenta</c>); <c>cluster</c> may be left
/// out when the server defines one cluster.
/// </summary>
public sealed record ClickHouseSource(IReadOnlyList<Uri> Nodes, string Database, string? Cluster)
{
    /// <summary>The default database for Segmenta's tables.</summary>
    public const string DefaultDatabase = "segmenta";

    /// <summary>Parses the <c>clickhouse://</c> address.</summary>
    public static ClickHouseSource Parse(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        const string scheme = "clickhouse://";
        if (!source.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            throw new SegmentaInputException($"--source \"{source}\": use clickhouse://host:port[,host:port…][/database][?cluster=NAME] (HTTP ports).");
        var rest = source[scheme.Length..];
        string? query = null;
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }
        var database = DefaultDatabase;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (rest[(slash + 1)..].Trim('/') is { Length: > 0 } db) database = db;
            rest = rest[..slash];
        }
        var nodes = new List<Uri>();
        foreach (var hostPort in rest.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = hostPort.LastIndexOf(':');
            var host = colon > 0 ? hostPort[..colon] : hostPort;
            var port = 8123;
            if (colon > 0 && !int.TryParse(hostPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port))
                throw new SegmentaInputException($"--source: \"{hostPort}\" is not host:port.");
            nodes.Add(new Uri($"http://{host}:{port.ToString(CultureInfo.InvariantCulture)}/"));
        }
        if (nodes.Count == 0)
            throw new SegmentaInputException($"--source \"{source}\": no host given. Use clickhouse://host:port[,host:port…].");
        string? cluster = null;
        foreach (var pair in (query ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            if (kv[0].Equals("cluster", StringComparison.OrdinalIgnoreCase) && kv.Length == 2) cluster = Uri.UnescapeDataString(kv[1]);
            else if (kv[0].Equals("database", StringComparison.OrdinalIgnoreCase) && kv.Length == 2) database = Uri.UnescapeDataString(kv[1]);
            else throw new SegmentaInputException($"--source: unknown setting \"{kv[0]}\" (known: cluster, database).");
        }
        foreach (var name in new[] { database, cluster }.OfType<string>())
        {
            if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_')))
                throw new SegmentaInputException($"--source: \"{name}\" must be ASCII letters, digits and _ only.");
        }
        return new ClickHouseSource(nodes, database, cluster);
    }

    /// <summary><c>host:port</c> of a node, for messages.</summary>
    public static string Address(Uri node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return $"{node.Host}:{node.Port.ToString(CultureInfo.InvariantCulture)}";
    }
}
