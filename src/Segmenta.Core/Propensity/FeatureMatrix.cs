namespace Segmenta.Core.Propensity;

/// <summary>A dense, row-major matrix of model inputs: one row per customer, one named column per feature.</summary>
public sealed class FeatureMatrix
{
    private readonly double[] _values;

    /// <summary>Wraps <paramref name="values"/> (row-major, <c>rows × names.Count</c>); the array is not copied.</summary>
    /// <exception cref="ArgumentException">The length is not a multiple of the column count.</exception>
    public FeatureMatrix(IReadOnlyList<string> names, double[] values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (names.Count == 0) throw new ArgumentException("A feature matrix needs at least one column.", nameof(names));
        if (values.Length % names.Count != 0)
            throw new ArgumentException($"{values.Length} values do not fill rows of {names.Count} columns.", nameof(values));
        Names = names;
        _values = values;
        Rows = values.Length / names.Count;
    }

    /// <summary>Feature names, in column order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Number of rows (customers).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (features).</summary>
    public int Columns => Names.Count;

    /// <summary>The value at (<paramref name="row"/>, <paramref name="column"/>).</summary>
    public double this[int row, int column] => _values[(row * Columns) + column];

    /// <summary>One row's values.</summary>
    public ReadOnlySpan<double> Row(int row) => _values.AsSpan(row * Columns, Columns);

    /// <summary>The rows at <paramref name="rows"/>, in that order.</summary>
    public FeatureMatrix Subset(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var k = Columns;
        var values = new double[checked(rows.Count * k)];
        for (var i = 0; i < rows.Count; i++) Row(rows[i]).CopyTo(values.AsSpan(i * k, k));
        return new FeatureMatrix(Names, values);
    }

    /// <summary>A copy whose column <paramref name="column"/> is reordered by <paramref name="permutation"/> (row i takes row permutation[i]'s value).</summary>
    public FeatureMatrix WithColumnPermuted(int column, IReadOnlyList<int> permutation)
    {
        ArgumentNullException.ThrowIfNull(permutation);
        var values = (double[])_values.Clone();
        for (var i = 0; i < Rows; i++) values[(i * Columns) + column] = _values[(permutation[i] * Columns) + column];
        return new FeatureMatrix(Names, values);
    }

    /// <summary>The values as single precision, row-major (for learners that take floats).</summary>
    public float[] ToSingle()
    {
        var result = new float[_values.Length];
        for (var i = 0; i < result.Length; i++) result[i] = (float)_values[i];
        return result;
    }
}
