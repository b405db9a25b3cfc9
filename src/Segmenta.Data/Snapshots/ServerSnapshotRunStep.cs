using Segmenta.Core.Pipelines;
using Segmenta.Core.Snapshots;
using Segmenta.Data.DuckDb;

namespace Segmenta.Data.Snapshots;

/// <summary>The snapshot part of a server-engine run: freeze cut points from, and save into, the engine's own snapshot store.</summary>
public static class ServerSnapshotRunStep
{
    /// <summary>Options with the reference snapshot's cut points when <see cref="SnapshotRequest.FreezeFrom"/> is set; notes say what was frozen.</summary>
    public static async Task<SegmentationOptions> PrepareAsync(
        ServerSnapshotStore store, SnapshotRequest? request, SegmentationOptions options, ICollection<string> notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(notes);
        if (request?.FreezeFrom is not { } id) return options;
        var frozen = FrozenCutPoints.Apply(options, await store.ParametersAsync(id, cancellationToken).ConfigureAwait(false));
        notes.Add($"cut points frozen from snapshot {id}: {string.Join(", ", frozen.Frozen)} / 已沿用快照 {id} 的切分点");
        foreach (var n in frozen.NotFrozen) notes.Add("not frozen: " + n);
        return frozen.Options;
    }

    /// <summary>Stores the run's snapshot inside the engine from its <c>customer_segments</c> table.</summary>
    public static Task<SnapshotHeader> SaveAsync(
        ServerSnapshotStore store, SnapshotRequest request, SegmentationResult result, InputFingerprint input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        return store.SaveAsync(new SnapshotContent(
            result.Features.AsOf, result.Engine, request.Kind, input, [.. result.Schemes.Select(s => s.Plan)],
            DuckDbEngine.SegmentsTable, request.FreezeFrom), cancellationToken);
    }
}
