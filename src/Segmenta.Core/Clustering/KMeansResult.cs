namespace Segmenta.Core.Clustering;

/// <summary>The outcome of <see cref="KMeans.Fit"/>: the chosen model, every row's cluster and the score of every k tried.</summary>
/// <param name="Model">The model with the chosen k.</param>
/// <param name="Labels">Cluster (0 .. k − 1, largest first) of each input row.</param>
/// <param name="Scores">One entry per k tried, ascending.</param>
/// <param name="ChosenK">The k with the highest silhouette (the smallest such k on ties), or the fixed k.</param>
public sealed record KMeansResult(KMeansModel Model, int[] Labels, IReadOnlyList<KScore> Scores, int ChosenK);
