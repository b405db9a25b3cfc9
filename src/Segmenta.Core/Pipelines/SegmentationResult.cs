namespace Segmenta.Core.Pipelines;

/// <summary>Features and every scheme's result of one run.</summary>
/// <param name="Engine">The engine that computed it.</param>
/// <param name="Features">The feature build.</param>
/// <param name="Schemes">Scheme results, in run order.</param>
public sealed record SegmentationResult(string Engine, FeatureBuildResult Features, IReadOnlyList<SchemeResult> Schemes)
{
    /// <summary>The models fitted for model-based features (with <c>--clv</c>), else null.</summary>
    public ClvFeatures.Result? Models { get; init; }

    /// <summary>Per scheme (built-in and user), what explains an assignment: labels, rules with the values used, playbooks.</summary>
    public IReadOnlyList<Schemes.Reasons.SchemeExplanation> Explanations { get; init; } = [];

    /// <summary>The propensity models' comparison and scores (with <c>--propensity</c>), else null.</summary>
    public PropensityStep.Result? Propensity { get; init; }
}
