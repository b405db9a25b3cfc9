using Segmenta.Core.Schemes;

namespace Segmenta.Data.Snapshots;

/// <summary>What <see cref="SnapshotStore.Save"/> stores: the header facts and the run's per-customer table.</summary>
/// <param name="AsOf">The as-of date of the features.</param>
/// <param name="Engine">Engine name.</param>
/// <param name="Kind"><c>segment</c> or <c>backfill</c>.</param>
/// <param name="Input">Fingerprint of the transactions input.</param>
/// <param name="Plans">The schemes' plans (segment columns, cut points), in run order.</param>
/// <param name="SourceTable">The per-customer table to copy (features, predictions, scores, segments).</param>
/// <param name="FrozenFrom">Reference snapshot of frozen cut points, if any.</param>
public sealed record SnapshotContent(
    DateOnly AsOf,
    string Engine,
    string Kind,
    InputFingerprint Input,
    IReadOnlyList<SchemePlan> Plans,
    string SourceTable,
    long? FrozenFrom = null)
{
    /// <summary>Reference snapshot of hysteresis / minimum dwell, if applied.</summary>
    public long? StableFrom { get; init; }

    /// <summary>What stability did, as JSON; empty when none.</summary>
    public string Stability { get; init; } = "";
}
