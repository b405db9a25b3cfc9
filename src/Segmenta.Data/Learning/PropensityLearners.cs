using Segmenta.Core.Propensity;

namespace Segmenta.Data.Learning;

/// <summary>The learners a host offers: Core's logistic / log-linear one and ML.NET FastTree.</summary>
public static class PropensityLearners
{
    /// <summary>Every learner, in report order.</summary>
    public static IReadOnlyList<IPropensityLearner> All { get; } = [new LinearLearner(), new FastTreeLearner()];

    /// <summary>Model names accepted by <c>--model</c>: auto, the learners and the BG/NBD baselines.</summary>
    public static IReadOnlyList<string> ModelNames { get; } =
        [PropensityOptions.Auto, .. All.Select(l => l.Name), BgNbdBaseline.Name, BgNbdBaseline.PAliveName];
}
