namespace Segmenta.Data.Snapshots;

/// <summary>What a run does with snapshots: store one (always, unless the request has none), freeze cut points, check alerts.</summary>
public sealed record SnapshotRequest
{
    /// <summary>Plan the built-in schemes with the cut points of this snapshot (see <c>FrozenCutPoints</c>); null computes them.</summary>
    public long? FreezeFrom { get; init; }

    /// <summary>Alert rules YAML evaluated on the new snapshot against the previous one; null = none.</summary>
    public string? AlertRulesPath { get; init; }

    /// <summary>Hysteresis and minimum dwell for every scheme (a scheme's YAML <c>stability:</c> overrides); null = none.</summary>
    public Core.Snapshots.StabilitySettings? Stability { get; init; }

    /// <summary>Reference snapshot for stability; null = the latest stored snapshot.</summary>
    public long? StableFrom { get; init; }

    /// <summary>Recorded kind: <c>segment</c> or <c>backfill</c>.</summary>
    public string Kind { get; init; } = "segment";
}
