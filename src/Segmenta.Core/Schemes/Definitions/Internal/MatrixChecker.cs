using Segmenta.Core.Schemes.Rules;

namespace Segmenta.Core.Schemes.Definitions.Internal;

/// <summary>Checks kinds <c>matrix</c> (axes, every cell named once) and <c>grading</c> (two axes split once).</summary>
internal static class MatrixChecker
{
    public static void Check(SchemeDefinition d, ProblemList problems)
    {
        if (d.Matrix is not { } m)
        {
            problems.Add("matrix", "missing: give the rows and columns, e.g. matrix: { rows: { measure: monetary_total, split: mean }, columns: { measure: frequency, split: mean } }");
            return;
        }
        var rows = CheckAxis("matrix.rows", m.Rows, problems);
        var columns = CheckAxis("matrix.columns", m.Columns, problems);
        KindChecker.RequireSegments(d, problems);
        if (rows is null || columns is null)
            return;
        var taken = new Dictionary<(int, int), int>();
        for (var i = 0; i < d.Segments.Count; i++)
        {
            var cell = d.Segments[i]?.Cell;
            var path = $"segments[{i}].cell";
            if (cell is not { Count: 2 })
            {
                problems.Add(path, $"{(cell is null ? "missing" : "needs exactly 2 numbers")}: write the cell as [row, column], bands numbered from 1 (lowest values), e.g. cell: [{rows}, {columns}]");
                continue;
            }
            if (cell[0] < 1 || cell[0] > rows || cell[1] < 1 || cell[1] > columns)
                problems.Add(path, $"[{cell[0]}, {cell[1]}] is outside the {rows} × {columns} grid (rows 1..{rows}, columns 1..{columns})");
            else if (!taken.TryAdd((cell[0], cell[1]), i))
                problems.Add(path, $"[{cell[0]}, {cell[1]}] is already taken by segments[{taken[(cell[0], cell[1])]}]: each cell has one segment");
        }
        for (var r = 1; r <= rows; r++)
        {
            for (var c = 1; c <= columns; c++)
            {
                if (!taken.ContainsKey((r, c)) && d.Segments.Count > 0)
                    problems.Add("segments", $"cell [{r}, {c}] has no segment: name every cell of the {rows} × {columns} grid");
            }
        }
    }

    public static void CheckGrading(SchemeDefinition d, ProblemList problems)
    {
        KindChecker.CheckBuiltInNames(d, problems);
        var g = d.Grading;
        if (g is null || string.IsNullOrWhiteSpace(g.Potential?.Measure))
        {
            problems.Add("grading.potential.measure", "missing: name the potential column, e.g. clv_12m (a prediction or an attribute)");
            if (g is null) return;
        }
        foreach (var (path, axis) in new[] { ("grading.contribution", g.Contribution), ("grading.potential", g.Potential) })
        {
            if (axis is null || string.IsNullOrWhiteSpace(axis.Measure) && path.EndsWith("potential", StringComparison.Ordinal))
                continue;
            if (CheckAxis(path, axis, problems) is { } bands && bands != 2)
                problems.Add($"{path}.at", $"grading splits each axis once (high / low): give one value, not {bands - 1}");
        }
    }

    /// <summary>Checks an axis; returns its number of bands, or null when its split is unusable.</summary>
    private static int? CheckAxis(string path, AxisDefinition? axis, ProblemList problems)
    {
        if (axis is null)
        {
            problems.Add(path, "missing: give the measure and the split, e.g. { measure: monetary_total, split: median }");
            return null;
        }
        problems.RequireColumn($"{path}.measure", axis.Measure, FeatureType.Number);
        if (!problems.RequireOneOf($"{path}.split", axis.Split, AxisSplits.All))
            return null;
        var at = axis.At ?? [];
        if (axis.Split is AxisSplits.Mean or AxisSplits.Median)
        {
            if (at.Count > 0)
                problems.Add($"{path}.at", $"split {axis.Split} has one cut at the {axis.Split}: remove \"at\" (or use split quantile / fixed)");
            return 2;
        }
        if (at.Count == 0)
        {
            problems.Add($"{path}.at", $"empty: split {axis.Split} needs at least one {(axis.Split == AxisSplits.Quantile ? "quantile, e.g. at: [0.8]" : "value, e.g. at: [1000]")}");
            return null;
        }
        problems.CheckBreaks($"{path}.at", at, probabilities: axis.Split == AxisSplits.Quantile);
        return at.Count + 1;
    }
}
