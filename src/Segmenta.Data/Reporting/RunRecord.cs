using Segmenta.Core.Pipelines;
using Segmenta.Core.Reporting;
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
    /// <summary>The record of a finished run.</summary>
    public static RunRecord From(SegmentationRun run)
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
        return new RunRecord(f.AsOf, run.Result.Engine, quality, [.. run.Result.Schemes.Select(Section)], models);
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
