namespace Segmenta.Core.Propensity;

/// <summary>How much a model relies on one feature.</summary>
/// <param name="Feature">Feature name.</param>
/// <param name="PermutationDrop">
/// Mean loss of quality when the feature's column is shuffled on the evaluation rows (AUC drop for churn, RMSE
/// increase for spend); larger = more important (Breiman 2001, "Random Forests", Machine Learning 45, §10;
/// Fisher, Rudin &amp; Dominici 2019, JMLR 20(177), model reliance).
/// </param>
/// <param name="StandardisedCoefficient">The coefficient on the standardised feature, for linear models; NaN otherwise.</param>
public sealed record FeatureImportance(string Feature, double PermutationDrop, double StandardisedCoefficient);
