using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Schemes.Definitions.Internal;
using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.Schemes.Planning.Internal;

/// <summary>
/// Kinds matrix and grading. Layer 1: the band of each axis (<c>{scheme}_row</c>, <c>{scheme}_column</c>; grading:
/// <c>{scheme}_contribution</c>, <c>{scheme}_potential</c>), 1 = lowest values. Layer 2: the segment of the cell.
/// Parameters <c>{scheme}_{axis}_cut_points</c>.
/// </summary>
internal static class MatrixPlanner
{
    private static readonly int[][] GradeCells = [[2, 2], [2, 1], [1, 2], [1, 1]];

    public static PlannedScheme PlanMatrix(PlanContext context)
    {
        var m = context.Definition.Matrix!;
        var cells = context.Segments.Select(s => (s, s.Source!.Cell![0], s.Source.Cell[1])).ToList();
        return Plan(context, (m.Rows, "row"), (m.Columns, "column"), cells);
    }

    /// <summary>A, B, C, D = cells [2, 2], [2, 1], [1, 2], [1, 1] of contribution (rows) × potential (columns).</summary>
    public static PlannedScheme PlanGrading(PlanContext context)
    {
        var g = context.Definition.Grading!;
        var cells = context.Segments.Select((s, i) => (s, GradeCells[i][0], GradeCells[i][1])).ToList();
        return Plan(context, (g.Contribution, "contribution"), (g.Potential, "potential"), cells);
    }

    private static PlannedScheme Plan(
        PlanContext context, (AxisDefinition Axis, string Label) rows, (AxisDefinition Axis, string Label) columns,
        IReadOnlyList<(EffectiveSegment Segment, int Row, int Column)> cells)
    {
        var rowColumn = $"{context.Name}_{rows.Label}";
        var columnColumn = $"{context.Name}_{columns.Label}";
        var rowCuts = Bands.CutPoints(rows.Axis, context.Histograms);
        var columnCuts = Bands.CutPoints(columns.Axis, context.Histograms);
        var rowInclusive = rows.Axis.Split == AxisSplits.Fixed;
        var columnInclusive = columns.Axis.Split == AxisSplits.Fixed;
        context.Parameters[$"{rowColumn}_cut_points"] = rowCuts;
        context.Parameters[$"{columnColumn}_cut_points"] = columnCuts;

        var branches = new List<CaseBranch>();
        var reasons = new Dictionary<string, (Expr, string?)>(StringComparer.Ordinal);
        foreach (var (segment, row, column) in cells)
        {
            branches.Add(new CaseBranch(
                ExprBuilder.And(
                    new Binary(BinaryOp.Equal, ExprBuilder.Col(rowColumn), ExprBuilder.Lit((long)row)),
                    new Binary(BinaryOp.Equal, ExprBuilder.Col(columnColumn), ExprBuilder.Lit((long)column))),
                ExprBuilder.Lit(segment.Key)));
            reasons[segment.Key] = (Bands.All(
                Bands.Condition(rows.Axis.Measure, rowCuts, rowInclusive, row),
                Bands.Condition(columns.Axis.Measure, columnCuts, columnInclusive, column)), null);
        }
        // Every cell has a segment (validated), so ELSE is never taken; it names the lowest cell, where nulls go.
        var lowest = cells.First(c => c.Row == 1 && c.Column == 1).Segment.Key;
        IReadOnlyList<IReadOnlyList<DerivedColumn>> layers =
        [
            [
                new DerivedColumn(rowColumn, Bands.Expression(rows.Axis.Measure, rowCuts, rowInclusive, band => (long)band)),
                new DerivedColumn(columnColumn, Bands.Expression(columns.Axis.Measure, columnCuts, columnInclusive, band => (long)band)),
            ],
            [new DerivedColumn(context.Name, new CaseWhen(branches, ExprBuilder.Lit(lowest)))],
        ];
        return context.Finish(layers, reasons);
    }
}
