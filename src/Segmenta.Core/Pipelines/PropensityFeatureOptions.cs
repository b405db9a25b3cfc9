using Segmenta.Core.Propensity;

namespace Segmenta.Core.Pipelines;

/// <summary>Settings of the propensity columns added by <c>segment --propensity</c>.</summary>
public sealed record PropensityFeatureOptions
{
    /// <summary>Default window: 182 days (26 weeks, half a year).</summary>
    public const int DefaultWindowDays = 182;

    /// <summary>
    /// The prediction window in days: the models learn from features as of (as-of − window) and the purchases in the
    /// window up to the as-of date, then predict churn (no purchase) and spend in the window after the as-of date.
    /// </summary>
    public int WindowDays { get; init; } = DefaultWindowDays;

    /// <summary>Learners, model choice, split and seed.</summary>
    public PropensityOptions Models { get; init; } = new();
}
