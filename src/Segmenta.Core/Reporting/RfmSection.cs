namespace Segmenta.Core.Reporting;

/// <summary>The RFM grid: customers and mean spend per (R, F) score pair, and each score's distribution.</summary>
/// <param name="Bins">Scores run 1 … Bins.</param>
/// <param name="Grid">One cell per (R, F) pair that has customers.</param>
/// <param name="RecencyScores">Customers per R score.</param>
/// <param name="FrequencyScores">Customers per F score.</param>
/// <param name="MonetaryScores">Customers per M score.</param>
public sealed record RfmSection(
    int Bins,
    IReadOnlyList<RfmCell> Grid,
    IReadOnlyList<ScoreCount> RecencyScores,
    IReadOnlyList<ScoreCount> FrequencyScores,
    IReadOnlyList<ScoreCount> MonetaryScores);

/// <summary>One (R, F) cell.</summary>
/// <param name="R">Recency score.</param>
/// <param name="F">Frequency score.</param>
/// <param name="Customers">Customers in the cell.</param>
/// <param name="MeanMonetary">Their mean total spend.</param>
public sealed record RfmCell(int R, int F, long Customers, double MeanMonetary);

/// <summary>Customers with one score value.</summary>
/// <param name="Score">The score.</param>
/// <param name="Customers">Customers.</param>
public sealed record ScoreCount(int Score, long Customers);
