namespace Segmenta.Core.Propensity;

/// <summary>
/// A way to learn churn and next-period spend from features. Core has the linear one
/// (<see cref="LinearLearner"/>); adapters add others (gradient-boosted trees through ML.NET in Segmenta.Data).
/// </summary>
public interface IPropensityLearner
{
    /// <summary>Short name used on the command line and in reports, e.g. <c>logistic</c> or <c>fasttree</c>.</summary>
    string Name { get; }

    /// <summary>Learns P(churn) from <paramref name="features"/> and the labels (true = churned).</summary>
    IPropensityScorer TrainChurn(FeatureMatrix features, IReadOnlyList<bool> churned, int seed);

    /// <summary>Learns the expected next-period spend (≥ 0) from <paramref name="features"/>.</summary>
    IPropensityScorer TrainSpend(FeatureMatrix features, IReadOnlyList<double> spend, int seed);
}

/// <summary>A trained model: one score per row (a churn probability in [0, 1], or an expected spend ≥ 0).</summary>
public interface IPropensityScorer
{
    /// <summary>Scores every row of <paramref name="features"/> (same columns as in training).</summary>
    double[] Score(FeatureMatrix features);
}
