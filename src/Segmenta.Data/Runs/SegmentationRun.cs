using Segmenta.Core.Ingest;
using Segmenta.Core.Pipelines;

namespace Segmenta.Data.Runs;

/// <summary>The result of one run: row accounting, features, every scheme's segments and the files written.</summary>
/// <param name="Transactions">Load report of the transactions file.</param>
/// <param name="Customers">Load report of the customers file, when one was given.</param>
/// <param name="Result">Features and schemes.</param>
/// <param name="Files">Output files written (name → path).</param>
/// <param name="Notes">Things the user should know (e.g. XLSX skipped).</param>
/// <param name="StepSeconds">Wall time per step, for the summary and benchmarks.</param>
public sealed record SegmentationRun(
    LoadReport Transactions,
    LoadReport? Customers,
    SegmentationResult Result,
    IReadOnlyDictionary<string, string> Files,
    IReadOnlyList<string> Notes,
    IReadOnlyDictionary<string, double> StepSeconds)
{
    /// <summary>Load report of the interactions file, when one was given.</summary>
    public LoadReport? Interactions { get; init; }

    /// <summary>Load report of the surveys file, when one was given.</summary>
    public LoadReport? Surveys { get; init; }

    /// <summary>The snapshot this run stored, or null (<c>--no-snapshot</c>, or no store file).</summary>
    public Snapshots.SnapshotHeader? Snapshot { get; init; }

    /// <summary>Alerts evaluated on the new snapshot, or null when no rules were given.</summary>
    public Alerts.AlertReport? Alerts { get; init; }
}
