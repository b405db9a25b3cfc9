namespace Segmenta.Core.Clv.Internal;

/// <summary>Builds the cheap likelihood used to screen starting points on large data.</summary>
internal static class Screening
{
    /// <summary>Cells at or above which starts are screened on a subsample.</summary>
    public const int Threshold = 100_000;

    /// <summary>Approximate number of cells in the screening subsample.</summary>
    public const int SampleCells = 20_000;

    /// <summary>The likelihood on a systematic subsample of about <see cref="SampleCells"/> cells, or null for small data.</summary>
    public static LogLikelihoodFunction? For(HistoryCells cells, Func<HistoryCells, LogLikelihoodFunction> likelihood) =>
        cells.Length < Threshold ? null : likelihood(cells.Subsample(cells.Length / SampleCells));
}
