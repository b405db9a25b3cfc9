using Segmenta.Core.Snapshots.Migration;

namespace Segmenta.Data.Snapshots;

/// <summary>Two snapshots and how each compared scheme's customers moved between them.</summary>
/// <param name="Before">The earlier snapshot (A).</param>
/// <param name="After">The later snapshot (B).</param>
/// <param name="Schemes">One migration per scheme compared.</param>
public sealed record SnapshotDiff(SnapshotHeader Before, SnapshotHeader After, IReadOnlyList<MigrationResult> Schemes);
