namespace Segmenta.Core.Clv;

/// <summary>
/// Time-invariant covariates, one row per customer and one column per covariate (row-major). Encode categories as
/// 0/1 dummies and centre or scale continuous covariates so the coefficients stay of order 1.
/// </summary>
public sealed class CovariateMatrix
{
    private readonly double[] _values;

    /// <summary>Creates a matrix from row-major values.</summary>
    /// <exception cref="ArgumentException">The value count is not rows × columns or a value is not finite.</exception>
    public CovariateMatrix(int rows, int columns, double[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != (long)rows * columns) throw new ArgumentException("values must hold rows × columns numbers", nameof(values));
        foreach (var v in values)
            if (!double.IsFinite(v)) throw new ArgumentException("covariates must be finite numbers", nameof(values));
        (Rows, Columns, _values) = (rows, columns, values);
    }

    /// <summary>Number of customers.</summary>
    public int Rows { get; }

    /// <summary>Number of covariates.</summary>
    public int Columns { get; }

    /// <summary>The covariates of customer <paramref name="row"/>.</summary>
    public ReadOnlySpan<double> Row(int row) => _values.AsSpan(row * Columns, Columns);

    /// <summary>A matrix with no covariates for <paramref name="rows"/> customers.</summary>
    public static CovariateMatrix None(int rows) => new(rows, 0, []);
}
