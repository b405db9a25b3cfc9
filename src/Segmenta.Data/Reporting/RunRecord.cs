using Segmenta.Core.Pipelines;
using Segmenta.Core.Reporting;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Data.Runs;

namespace Segmenta.Data.Reporting;

/// <summary>
/// The facts of a run that the store's tables do not hold (row accounting, scheme labels, cut points, segment
/// statistics, fitted model parameters), saved in the store so a report can be made later from the store alone
/// (<c>segmenta report --db FILE</c>).
/// </summary>
/// <param name="AsOf">The as-of date.</param>
/// <param name="Engine">The engine name.</param>
/// <param name="DataQuality">Row accounting.</param>
/// <param name="Schemes">Every scheme's segment table, in run order.</param>
/// <param name="Models">Fitted models: name → parameter → value.</param>
public sealed record RunRecord(
    DateOnly AsOf,
    string Engine,
    DataQualitySection DataQuality,
    IReadOnlyList<SchemeSection> Schemes,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Models)
{
    /// <summary>The snapshot the run stored, if any (the record is then also kept with that snapshot).</summary>
    public long? SnapshotId { get; init; }

    /// <summary>The <c>kind: matrix</c> schemes of the run: their measures, splits and cells.</summary>
    public IReadOnlyList<MatrixSchemeSpec> Matrices { get; init; } = [];

    /// <summary>
    /// The record of a finished run. <paramref name="schemes"/> are the user schemes it ran (their matrix axes go into
    /// <see cref="Matrices"/>); titles and playbooks of user schemes come from the run's explanations.
    /// </summary>
    public static RunRecord From(SegmentationRun run, IReadOnlyList<UserScheme>? schemes = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var t = run.Transactions;
        var f = run.Result.Features;
        var quality = new DataQualitySection(
            Path.GetFileName(t.Source), t.RowsRead, t.RowsAccepted, t.RowsRejected,
            new Dictionary<string, long>(t.RejectedByReason, StringComparer.Ordinal),
            t.DuplicateRows, t.ReturnRows, f.FirstDate, f.LastDate, f.TransactionsUsed, f.TransactionsAfterAsOf);
        var models = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        if (run.Result.Models is { } m)
        {
            models["bgnbd"] = Parameters(m.Transactions.Fit?.Parameters) ?? new Dictionary<string, double>
            {
                ["r"] = m.Transactions.R,
                ["alpha"] = m.Transactions.Alpha,
                ["a"] = m.Transactions.A,
                ["b"] = m.Transactions.B,
            };
            models["gammagamma"] = Parameters(m.Spend.Fit?.Parameters) ?? new Dictionary<string, double>
            {
                ["p"] = m.Spend.P,
                ["q"] = m.Spend.Q,
                ["v"] = m.Spend.V,
            };
        }
        var explained = run.Result.Explanations.ToDictionary(e => e.Scheme, StringComparer.Ordinal);
        var sections = run.Result.Schemes.Select(s => explained.TryGetValue(s.Name, out var e) ? WithExplanation(Section(s), e) : Section(s)).ToList();
        var matrices = (schemes ?? []).Select(u => u.Definition)
            .Where(d => d.Kind == SchemeKinds.Matrix && d.Matrix is not null && run.Result.Schemes.Any(s => s.Name == d.Name))
            .Select(d => new MatrixSchemeSpec(
                d.Name, d.Matrix!.Rows.Measure, d.Matrix.Rows.Split, d.Matrix.Columns.Measure, d.Matrix.Columns.Split,
                [.. d.Segments.Where(s => s.Cell is { Count: 2 }).Select(s => new MatrixCellSpec(s.Name, s.Cell![0], s.Cell[1]))]))
            .ToList();
        return new RunRecord(f.AsOf, run.Result.Engine, quality, sections, models)
        {
            SnapshotId = run.Snapshot?.Id,
            Matrices = matrices,
        };
    }

    /// <summary>A user scheme's section with its title and each segment's playbook (built-in schemes keep the translation table's).</summary>
    private static SchemeSection WithExplanation(SchemeSection section, Core.Schemes.Reasons.SchemeExplanation e)
    {
        if (e.Kind == Core.Schemes.Reasons.SchemeExplanation.BuiltInKind) return section;
        var segments = section.Segments.Select(row => e.Segment(row.Key)?.Playbook is { Action: { } action } p
            ? row with { Playbook = new ReportPlaybook(action, p.Channel, p.Owner, p.Priority, p.ContactEveryDays) }
            : row).ToList();
        return section with { Segments = segments, Title = e.Label };
    }

    /// <summary>A scheme result as a report section: labels and descriptions from the plan, statistics from the run.</summary>
    public static SchemeSection Section(SchemeResult scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var info = scheme.Plan.Segments.ToDictionary(s => s.Key, StringComparer.Ordinal);
        var rows = scheme.Segments.Select(s =>
        {
            var known = info.TryGetValue(s.Segment, out var i);
            return new SegmentRow(
                s.Segment,
                known ? i!.Label : new Core.Schemes.LocalizedText(s.Segment, s.Segment),
                known ? i!.Description : new Core.Schemes.LocalizedText("", ""),
                s.Customers, s.Revenue, s.MeanRecencyDays, s.MeanOrders, s.MeanMonetary);
        }).ToList();
        return new SchemeSection(scheme.Name, scheme.Plan.SegmentColumn, rows) { Parameters = scheme.Plan.Parameters };
    }

    private static Dictionary<string, double>? Parameters(IReadOnlyDictionary<string, double>? values) =>
        values is null ? null : new Dictionary<string, double>(values, StringComparer.Ordinal);
}

/// <summary>A <c>kind: matrix</c> scheme as the report draws it.</summary>
/// <param name="Scheme">Scheme name (also its segment column).</param>
/// <param name="RowMeasure">Measure of the rows (drawn on the y axis).</param>
/// <param name="RowSplit">How the row cuts were found (<c>mean</c>, <c>median</c>, <c>quantile</c>, <c>fixed</c>).</param>
/// <param name="ColumnMeasure">Measure of the columns (x axis).</param>
/// <param name="ColumnSplit">How the column cuts were found.</param>
/// <param name="Cells">Segment of each cell.</param>
public sealed record MatrixSchemeSpec(string Scheme, string RowMeasure, string RowSplit, string ColumnMeasure, string ColumnSplit, IReadOnlyList<MatrixCellSpec> Cells);

/// <summary>One cell of a matrix scheme.</summary>
/// <param name="Segment">Segment key.</param>
/// <param name="Row">Row band (1 = lowest).</param>
/// <param name="Column">Column band (1 = lowest).</param>
public sealed record MatrixCellSpec(string Segment, int Row, int Column);
