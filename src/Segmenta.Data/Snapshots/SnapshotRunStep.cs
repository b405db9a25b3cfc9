using DuckDB.NET.Data;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Snapshots;
using Segmenta.Data.DuckDb;

namespace Segmenta.Data.Snapshots;

/// <summary>The snapshot part of a run, kept apart from <c>SegmentationRunner</c>: freeze cut points before, save after.</summary>
public static class SnapshotRunStep
{
    /// <summary>Options with the reference snapshot's cut points when <see cref="SnapshotRequest.FreezeFrom"/> is set; notes say what was frozen.</summary>
    public static SegmentationOptions Prepare(DuckDBConnection connection, SnapshotRequest? request, SegmentationOptions options, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(notes);
        if (request?.FreezeFrom is not { } id) return options;
        var frozen = FrozenCutPoints.Apply(options, new SnapshotStore(connection).Parameters(id));
        notes.Add($"cut points frozen from snapshot {id}: {string.Join(", ", frozen.Frozen)} / 已沿用快照 {id} 的切分点");
        foreach (var n in frozen.NotFrozen) notes.Add("not frozen: " + n);
        return frozen.Options;
    }

    /// <summary>Stores the run's snapshot (the <c>customer_segments</c> table and the plans).</summary>
    public static SnapshotHeader Save(DuckDBConnection connection, SnapshotRequest request, SegmentationResult result, InputFingerprint input)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        return new SnapshotStore(connection).Save(new SnapshotContent(
            result.Features.AsOf, result.Engine, request.Kind, input, [.. result.Schemes.Select(s => s.Plan)],
            DuckDbEngine.SegmentsTable, request.FreezeFrom));
    }
}
