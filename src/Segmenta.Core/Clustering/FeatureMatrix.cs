namespace Segmenta.Core.Clustering;

/// <summary>
/// Numeric features of n customers, row-major (row i, column j at <c>Values[i * Columns.Count + j]</c>).
/// A missing value is <see cref="double.NaN"/>.
/// </summary>
public sealed class FeatureMatrix
{
    /// <summary>Wraps row-major values.</summary>
    /// <param name="columns">Feature names, one per column.</param>
    /// <param name="values">Row-major values; the length must be a multiple of the column count.</param>
    /// <exception cref="ArgumentException">No columns, or a length that is not rows × columns.</exception>
    public FeatureMatrix(IReadOnlyList<string> columns, double[] values)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        if (columns.Count == 0) throw new ArgumentException("A feature matrix needs at least one column.", nameof(columns));
        if (values.Length % columns.Count != 0)
            throw new ArgumentException($"{values.Length} values do not fill rows of {columns.Count} columns.", nameof(values));
        Columns = columns;
        Values = values;
        Rows = values.Length / columns.Count;
    }

    /// <summary>Builds a matrix from one array per column (all of the same length).</summary>
    /// <exception cref="ArgumentException">Columns of different lengths, or none.</exception>
    public static FeatureMatrix FromColumns(IReadOnlyList<string> names, IReadOnlyList<double[]> columns)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(columns);
        if (names.Count != columns.Count || names.Count == 0)
            throw new ArgumentException("Give one name per column, and at least one column.", nameof(columns));
        var n = columns[0].Length;
        if (columns.Any(c => c.Length != n)) throw new ArgumentException("Every column must have the same length.", nameof(columns));
        var d = columns.Count;
        var values = new double[checked(n * d)];
        for (var j = 0; j < d; j++)
        {
            var column = columns[j];
            for (var i = 0; i < n; i++) values[(i * d) + j] = column[i];
        }
        return new FeatureMatrix(names, values);
    }

    /// <summary>Feature names, one per column.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Number of rows (customers).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (d).</summary>
    public int Dimensions => Columns.Count;

    /// <summary>Row-major values.</summary>
    public double[] Values { get; }

    /// <summary>The value in row <paramref name="row"/>, column <paramref name="column"/>.</summary>
    public double this[int row, int column] => Values[(row * Columns.Count) + column];

    /// <summary>A copy of one column.</summary>
    public double[] Column(int column)
    {
        var d = Columns.Count;
        var result = new double[Rows];
        for (var i = 0; i < Rows; i++) result[i] = Values[(i * d) + column];
        return result;
    }

    /// <summary>The rows at <paramref name="rows"/>, in that order.</summary>
    public FeatureMatrix Select(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var d = Columns.Count;
        var values = new double[rows.Count * d];
        for (var r = 0; r < rows.Count; r++) Array.Copy(Values, rows[r] * d, values, r * d, d);
        return new FeatureMatrix(Columns, values);
    }
}
