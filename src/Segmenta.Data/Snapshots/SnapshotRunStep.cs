using System.Globalization;
using System.Runtime.CompilerServices;
using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Snapshots;
using Segmenta.Data.DuckDb;

namespace Segmenta.Data.Snapshots;

/// <summary>
/// The snapshot part of a run, kept apart from <c>SegmentationRunner</c>: freeze cut points before, stabilise
/// (hysteresis / minimum dwell) after assignment, save at the end.
/// </summary>
public static class SnapshotRunStep
{
    // What Stabilize did for a result, read back by Save (keeps the runner's calls one line each).
    private static readonly ConditionalWeakTable<SegmentationResult, StabilityOutcome> Outcomes = [];

    /// <summary>
    /// Options with the reference snapshot's cut points when <see cref="SnapshotRequest.FreezeFrom"/> is set, and each
    /// YAML scheme's own <c>stability.freeze_from</c> resolved; notes say what was frozen.
    /// </summary>
    /// <exception cref="SegmentaInputException">A scheme's <c>freeze_from</c> names a snapshot that does not exist (FILE:LINE:COL, the ids stored).</exception>
    public static SegmentationOptions Prepare(DuckDBConnection connection, SnapshotRequest? request, SegmentationOptions options, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(notes);
        if (options.Schemes.Any(s => s.Definition.Stability?.FreezeFrom is not null))
            options = options with { Schemes = [.. options.Schemes.Select(s => FreezeScheme(connection, s, notes))] };
        if (request?.FreezeFrom is not { } id) return options;
        var frozen = FrozenCutPoints.Apply(options, new SnapshotStore(connection).Parameters(id));
        notes.Add($"cut points frozen from snapshot {id}: {string.Join(", ", frozen.Frozen)} / 已沿用快照 {id} 的切分点");
        foreach (var n in frozen.NotFrozen) notes.Add("not frozen: " + n);
        return frozen.Options;
    }

    /// <summary>A YAML scheme with <c>stability.freeze_from</c> planned from that snapshot's histograms.</summary>
    private static UserScheme FreezeScheme(DuckDBConnection connection, UserScheme scheme, ICollection<string> notes)
    {
        if (scheme.Definition.Stability?.FreezeFrom is not { } from) return scheme;
        var name = scheme.Definition.Name;
        var store = new SnapshotStore(connection);
        var stored = store.List();
        SnapshotHeader? header;
        if (from.Trim().Equals(SchemeStability.Latest, StringComparison.OrdinalIgnoreCase))
        {
            header = stored.OrderBy(h => h.AsOf).ThenBy(h => h.Id).LastOrDefault();
            if (header is null)
            {
                notes.Add($"scheme {name}: freeze_from: latest, but the store has no snapshot yet — planned from this population; the next run freezes to this one / 方案 {name}：数据库中还没有快照，本次按当前客户计算切分点，下次运行将沿用本次");
                return scheme;
            }
        }
        else
        {
            header = long.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? store.Get(id) : null;
            if (header is null)
            {
                var ids = stored.Count == 0 ? "none (the store is empty; use freeze_from: latest)" : string.Join(", ", stored.Select(h => h.Id.ToString(CultureInfo.InvariantCulture)));
                var message = $"stability.freeze_from: snapshot \"{from}\" does not exist; stored snapshots: {ids} — use one of them or latest / 快照 \"{from}\" 不存在，已有快照：{ids}";
                throw new SegmentaInputException(scheme.Locate?.Invoke(message) ?? $"scheme \"{name}\" ({scheme.Source}), {message}");
            }
        }
        notes.Add($"scheme {name}: cut points frozen from snapshot {header.Id} / 方案 {name}：已沿用快照 {header.Id} 的切分点");
        return scheme with { FrozenHistograms = SnapshotHistograms.Of(connection, header.Id) };
    }

    /// <summary>
    /// Hysteresis and minimum dwell (run settings from <paramref name="request"/>, each YAML scheme's own keys over them)
    /// against <see cref="SnapshotRequest.StableFrom"/> or the latest snapshot; the result with its segments recounted.
    /// </summary>
    public static SegmentationResult Stabilize(DuckDBConnection connection, SnapshotRequest? request, SegmentationOptions options, SegmentationResult result, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(result);
        if (request is null) return result;
        var any = request.Stability is { IsOff: false } || options.Schemes.Any(s => s.Definition.Stability is { Hysteresis: > 0m } or { MinDwell: > 1 });
        if (!any) return result;
        var outcome = Stabilize(connection, request.Stability, request.StableFrom is { } id ? new SnapshotStore(connection).Require(id) : Latest(connection), options, result, notes);
        return outcome.Result;
    }

    /// <summary>Stabilises against a given reference (backfill: the snapshot written just before); null = none.</summary>
    internal static StabilityOutcome Stabilize(DuckDBConnection connection, StabilitySettings? settings, SnapshotHeader? reference, SegmentationOptions options, SegmentationResult result, ICollection<string> notes)
    {
        if (settings?.Problem() is { } problem) throw new SegmentaInputException(problem + " / 稳定性参数无效");
        var perScheme = StabilityStep.SettingsOf(settings, options.Schemes, result.Schemes.Select(s => s.Name).Where(n => !options.Schemes.Any(u => u.Definition.Name == n)));
        foreach (var (name, s) in perScheme)
        {
            if (s.Problem() is { } p) throw new SegmentaInputException($"scheme {name}: stability {p}");
        }
        var numeric = new HashSet<string>(StabilityStep.BuiltInNumeric, StringComparer.Ordinal);
        foreach (var u in options.Schemes.Where(u => StabilityStep.NumericKinds.Contains(u.Definition.Kind))) numeric.Add(u.Definition.Name);
        var outcome = StabilityStep.Apply(connection, result, perScheme, numeric, reference, notes);
        Outcomes.AddOrUpdate(outcome.Result, outcome);
        return outcome;
    }

    private static SnapshotHeader? Latest(DuckDBConnection connection) =>
        new SnapshotStore(connection).List().OrderBy(h => h.AsOf).ThenBy(h => h.Id).LastOrDefault();

    /// <summary>Stores the run's snapshot (the <c>customer_segments</c> table and the plans).</summary>
    public static SnapshotHeader Save(DuckDBConnection connection, SnapshotRequest request, SegmentationResult result, InputFingerprint input)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        return new SnapshotStore(connection).Save(Content(result, request.Kind, input, request.FreezeFrom));
    }

    /// <summary>What to store for <paramref name="result"/>, with what stability did to it.</summary>
    internal static SnapshotContent Content(SegmentationResult result, string kind, InputFingerprint input, long? frozenFrom)
    {
        var content = new SnapshotContent(result.Features.AsOf, result.Engine, kind, input, [.. result.Schemes.Select(s => s.Plan)],
            DuckDbEngine.SegmentsTable, frozenFrom);
        return Outcomes.TryGetValue(result, out var o) && o.Reference is not null
            ? content with { StableFrom = o.Reference, Stability = o.Json }
            : content;
    }
}
