using Segmenta.Core.Schemes.Definitions;

namespace Segmenta.Core.Pipelines;

/// <summary>A user scheme to run after the built-in ones, with where it came from (shown in explanations).</summary>
/// <param name="Definition">The scheme.</param>
/// <param name="Source"><c>preset</c> or the scheme file's path.</param>
public sealed record UserScheme(SchemeDefinition Definition, string Source)
{
    /// <summary>
    /// Turns a validator message (<c>segments[0].when: …</c>) into the line shown to the user, e.g. with the scheme
    /// file's name, line and column; null prefixes the scheme's name.
    /// </summary>
    public Func<string, string>? Locate { get; init; }

    /// <summary>
    /// Histograms to plan from instead of the current population's (frozen cut points: a stored snapshot's columns,
    /// set for the scheme's <c>stability.freeze_from</c>); null = the current population.
    /// </summary>
    public Func<string, Numerics.ValueHistogram>? FrozenHistograms { get; init; }
}
