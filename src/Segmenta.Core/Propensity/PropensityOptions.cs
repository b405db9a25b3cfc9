namespace Segmenta.Core.Propensity;

/// <summary>Settings of propensity evaluation and scoring.</summary>
public sealed record PropensityOptions
{
    /// <summary>Automatic model choice: the candidate with the highest holdout AUC (churn) / lowest RMSE (spend).</summary>
    public const string Auto = "auto";

    /// <summary>Default share of customers held out to evaluate the models.</summary>
    public const double DefaultTestShare = 0.3;

    /// <summary>Default seed of the train/test split and the permutations.</summary>
    public const int DefaultSeed = 42;

    /// <summary>Default number of calibration bins (deciles).</summary>
    public const int DefaultBins = 10;

    /// <summary>Default number of shuffles per feature for permutation importance.</summary>
    public const int DefaultPermutationRepeats = 3;

    /// <summary>The learners to compare (the BG/NBD baseline is always added when it can be fitted).</summary>
    public IReadOnlyList<IPropensityLearner> Learners { get; init; } = [new LinearLearner()];

    /// <summary>
    /// Which churn model scores customers: <see cref="Auto"/>, a learner's name, or <c>bgnbd</c>. The spend model
    /// follows the same learner when a learner is named, and is chosen by RMSE otherwise.
    /// </summary>
    public string Model { get; init; } = Auto;

    /// <summary>Share of the calibration customers held out for the metrics (the rest train the models).</summary>
    public double TestShare { get; init; } = DefaultTestShare;

    /// <summary>Seed of the split and of permutation importance.</summary>
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>Bins of the calibration table.</summary>
    public int CalibrationBins { get; init; } = DefaultBins;

    /// <summary>Shuffles per feature for permutation importance (0 skips it).</summary>
    public int PermutationRepeats { get; init; } = DefaultPermutationRepeats;
}
