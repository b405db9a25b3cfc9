namespace Segmenta.Core.Propensity;

/// <summary>How well one spend prediction did on the held-out customers.</summary>
/// <param name="Model">Model name.</param>
/// <param name="MeanAbsoluteError">Mean |predicted − actual| holdout revenue.</param>
/// <param name="RootMeanSquaredError">√mean (predicted − actual)².</param>
/// <param name="RSquared">1 − SSE/SST on the held-out customers.</param>
/// <param name="PredictedTotal">Sum of the predictions.</param>
/// <param name="ActualTotal">Sum of the actual holdout revenue.</param>
/// <param name="Importance">Feature importance (RMSE increase when a feature is shuffled; empty for the baseline).</param>
public sealed record SpendModelReport(
    string Model, double MeanAbsoluteError, double RootMeanSquaredError, double RSquared, double PredictedTotal, double ActualTotal,
    IReadOnlyList<FeatureImportance> Importance);
