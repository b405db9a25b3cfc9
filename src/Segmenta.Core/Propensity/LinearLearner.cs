namespace Segmenta.Core.Propensity;

/// <summary>
/// The learner Core owns: churn by L2-penalised logistic regression (<see cref="LogisticRegression"/>), spend by a
/// two-part model, P(buy) × log-linear spend of buyers (<see cref="TwoPartSpendModel"/>). Deterministic; the seed is unused.
/// </summary>
public sealed class LinearLearner : IPropensityLearner
{
    /// <summary>The learner's name.</summary>
    public const string LearnerName = "logistic";

    /// <summary>Creates the learner with the given logistic settings (defaults when null).</summary>
    public LinearLearner(LogisticOptions? options = null) => Options = options ?? new LogisticOptions();

    /// <summary>The logistic regression settings.</summary>
    public LogisticOptions Options { get; }

    /// <inheritdoc />
    public string Name => LearnerName;

    /// <inheritdoc />
    public IPropensityScorer TrainChurn(FeatureMatrix features, IReadOnlyList<bool> churned, int seed) =>
        LogisticRegression.Fit(features, churned, Options);

    /// <inheritdoc />
    public IPropensityScorer TrainSpend(FeatureMatrix features, IReadOnlyList<double> spend, int seed) =>
        TwoPartSpendModel.Fit(features, spend, Options);
}
