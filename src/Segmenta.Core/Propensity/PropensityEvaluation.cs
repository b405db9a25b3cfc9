namespace Segmenta.Core.Propensity;

/// <summary>The report of <see cref="PropensityModels.Evaluate"/> and the chosen models' scores for every cohort customer.</summary>
/// <param name="Report">Metrics of every candidate and the chosen defaults.</param>
/// <param name="IsTest">Per customer (dataset order): true when held out (its scores are out-of-sample).</param>
/// <param name="ChurnRisk">The default churn model's probability per customer (learners trained on the training split).</param>
/// <param name="SpendNext">The default spend model's prediction per customer.</param>
/// <param name="PAlive">BG/NBD P(alive) per customer, or null when BG/NBD could not be fitted.</param>
public sealed record PropensityEvaluation(PropensityReport Report, bool[] IsTest, double[] ChurnRisk, double[] SpendNext, double[]? PAlive);
