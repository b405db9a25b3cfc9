namespace Segmenta.Core.Propensity;

/// <summary>How well one churn score did on the held-out customers.</summary>
/// <param name="Model">Model name (<c>logistic</c>, <c>fasttree</c>, <c>bgnbd</c>, <c>bgnbd_p_alive</c>).</param>
/// <param name="Auc">ROC AUC against "no purchase in the holdout window".</param>
/// <param name="Brier">Brier score (mean squared error of the probability).</param>
/// <param name="Calibration">Mean predicted vs observed churn by bins of the prediction.</param>
/// <param name="Importance">Feature importance (empty for the BG/NBD baselines).</param>
public sealed record ChurnModelReport(string Model, AucResult Auc, double Brier, IReadOnlyList<CalibrationBin> Calibration, IReadOnlyList<FeatureImportance> Importance);
