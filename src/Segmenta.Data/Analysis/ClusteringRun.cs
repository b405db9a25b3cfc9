using Segmenta.Core.Clustering;
using Segmenta.Data.Runs;

namespace Segmenta.Data.Analysis;

/// <summary>The outcome of a clustering run.</summary>
/// <param name="Scheme">The scheme (segment column) name.</param>
/// <param name="Assignment">The fit, profiles, names and plan.</param>
/// <param name="Segmentation">The segmentation run that came first, if any.</param>
/// <param name="Files">Files written, by kind.</param>
/// <param name="Seconds">Wall seconds per step (read, fit, write).</param>
public sealed record ClusteringRun(
    string Scheme,
    KMeansAssignment Assignment,
    SegmentationRun? Segmentation,
    IReadOnlyDictionary<string, string> Files,
    IReadOnlyDictionary<string, double> Seconds);
