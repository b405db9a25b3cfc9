namespace Segmenta.Core.Clv.Validation;

/// <summary>Predicted against actual holdout purchases, in total, per customer and by calibration frequency.</summary>
/// <param name="Customers">Customers compared (sum of weights).</param>
/// <param name="PredictedTotal">Σ predicted holdout purchases.</param>
/// <param name="ActualTotal">Σ actual holdout purchases.</param>
/// <param name="MeanAbsoluteError">Σ w |predicted − actual| / Σ w.</param>
/// <param name="RootMeanSquaredError">√(Σ w (predicted − actual)² / Σ w).</param>
/// <param name="ByFrequency">Conditional expectations by calibration frequency 0, 1, …, and an open last bin.</param>
public sealed record HoldoutComparison(
    double Customers,
    double PredictedTotal,
    double ActualTotal,
    double MeanAbsoluteError,
    double RootMeanSquaredError,
    IReadOnlyList<FrequencyBin> ByFrequency);
