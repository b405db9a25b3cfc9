namespace Segmenta.Core.Pipelines;

/// <summary>
/// An engine that scores <c>--clv</c> by sufficient-statistic cells: it aggregates the feature table into cells inside the
/// engine, and joins the per-cell predictions back to every customer inside the engine, so no per-customer row leaves it
/// (docs/scale.md). Engines without it are scored from per-customer histories.
/// </summary>
public interface IClvCellEngine
{
    /// <summary>Groups the feature table into (x, tₓ, T) cells, (x, m̄ₓ) spend cells and the profit sums.</summary>
    Task<ClvCells> ReadClvCellsAsync(CancellationToken cancellationToken);

    /// <summary>Loads the cell table into the engine and adds the CLV columns to the feature table by joining it on the cell.</summary>
    Task AddClvScoresAsync(ClvCellScores scores, CancellationToken cancellationToken);
}
