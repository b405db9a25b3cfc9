namespace Segmenta.Data.Snapshots;

/// <summary>One stored snapshot: when and from what it was computed, by which scheme versions, and a hash of its content.</summary>
/// <param name="Id">Snapshot id (1, 2, …; never reused after a delete).</param>
/// <param name="RunId">Unique id of the run that wrote it.</param>
/// <param name="AsOf">The as-of date (last day included) of the features.</param>
/// <param name="CreatedAtUtc">When it was committed (UTC).</param>
/// <param name="Engine">Engine that computed it (<c>duckdb</c> …).</param>
/// <param name="Kind"><c>segment</c> (a run) or <c>backfill</c>.</param>
/// <param name="Input">Fingerprint of the transactions input.</param>
/// <param name="Customers">Customers in the snapshot.</param>
/// <param name="Status"><c>complete</c>: only complete snapshots are ever visible.</param>
/// <param name="ContentHash">SHA-256 over the assignments and the per-customer table, computed when written.</param>
/// <param name="FrozenFrom">The reference snapshot whose cut points were used, if any.</param>
/// <param name="Schemes">Scheme name, version, plan hash and parameters, in run order.</param>
public sealed record SnapshotHeader(
    long Id,
    string RunId,
    DateOnly AsOf,
    DateTime CreatedAtUtc,
    string Engine,
    string Kind,
    InputFingerprint Input,
    long Customers,
    string Status,
    string ContentHash,
    long? FrozenFrom,
    IReadOnlyList<SnapshotScheme> Schemes)
{
    /// <summary>The scheme called <paramref name="name"/> (by scheme name or segment column), or null.</summary>
    public SnapshotScheme? Scheme(string name) =>
        Schemes.FirstOrDefault(s => s.Name == name) ?? Schemes.FirstOrDefault(s => s.SegmentColumn == name);

    /// <summary>The reference snapshot stability (hysteresis / minimum dwell) was applied against, if any.</summary>
    public long? StableFrom { get; init; }

    /// <summary>What stability did, as JSON (<c>{"abc":{"hysteresis":0.05,"min_dwell":2,"held":12}}</c>); empty when none.</summary>
    public string Stability { get; init; } = "";
}

/// <summary>What a snapshot was computed from.</summary>
/// <param name="Path">The input file as given (full path), or a description for other sources.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes (empty when not a file).</param>
/// <param name="Bytes">File size.</param>
/// <param name="Rows">Data rows read from it.</param>
public sealed record InputFingerprint(string Path, string Sha256, long Bytes, long Rows)
{
    /// <summary>Fingerprints a file: hashes its bytes (streamed).</summary>
    public static InputFingerprint Of(string path, long rows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) return new InputFingerprint(path, "", 0, rows);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
        return new InputFingerprint(System.IO.Path.GetFullPath(path), hash, stream.Length, rows);
    }
}

/// <summary>One scheme of a snapshot.</summary>
/// <param name="Name">Scheme name (<c>rfm</c>, <c>abc</c> …).</param>
/// <param name="Version">Version of the scheme's definition (built-ins: the Segmenta version).</param>
/// <param name="PlanHash">SHA-256 of the plan (rules and the cut points used; see <c>PlanFingerprint</c>).</param>
/// <param name="SegmentColumn">Column of the per-customer table holding the segment key.</param>
/// <param name="Parameters">Population parameters (cut points, means, thresholds) the plan used.</param>
/// <param name="Segments">Segment keys with their labels, in display order.</param>
public sealed record SnapshotScheme(
    string Name,
    string Version,
    string PlanHash,
    string SegmentColumn,
    IReadOnlyDictionary<string, IReadOnlyList<decimal>> Parameters,
    IReadOnlyList<Core.Schemes.SegmentInfo> Segments);
