using Segmenta.Core.Pipelines;
using Segmenta.Core.Snapshots;
using Segmenta.Data.DuckDb;

namespace Segmenta.Data.Snapshots;

/// <summary>The snapshot part of a server-engine run: freeze cut points from, and save into, the engine's own snapshot store.</summary>
public static class ServerSnapshotRunStep
{
    /// <summary>
    /// Stops a server run that asks for stability (<c>--hysteresis</c>, <c>--min-dwell</c>, <c>--stable-from</c>) before anything
    /// is written: it is applied on DuckDB only for now, and a run must not silently store unstabilised segments.
    /// </summary>
    /// <exception cref="Core.SegmentaInputException">The request asks for stability.</exception>
    public static void RejectStability(SnapshotRequest? request, string engine)
    {
        if (request is null || (request.Stability is null or { IsOff: true } && request.StableFrom is null)) return;
        throw new Core.SegmentaInputException(
            $"--hysteresis / --min-dwell / --stable-from are applied on DuckDB only for now; run them without --engine {engine} (or drop them). Nothing was written. / "
            + $"稳定性参数（--hysteresis / --min-dwell / --stable-from）暂仅支持 DuckDB，未写出任何结果。");
    }

    /// <summary>Options with the reference snapshot's cut points when <see cref="SnapshotRequest.FreezeFrom"/> is set; notes say what was frozen.</summary>
    public static async Task<SegmentationOptions> PrepareAsync(
        ServerSnapshotStore store, SnapshotRequest? request, SegmentationOptions options, ICollection<string> notes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(notes);
        // A YAML scheme's own stability: keys are not applied on a server engine yet: say so rather than drop them silently.
        foreach (var scheme in options.Schemes.Where(s => s.Definition.Stability is { Hysteresis: > 0m } or { MinDwell: > 1 }))
            notes.Add($"stability of scheme {scheme.Definition.Name} not applied: DuckDB only for now / 方案 {scheme.Definition.Name} 的稳定性设置暂仅在 DuckDB 上生效");
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
