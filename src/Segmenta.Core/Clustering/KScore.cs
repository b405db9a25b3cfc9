namespace Segmenta.Core.Clustering;

/// <summary>How well the best fit with k clusters does, on all points (inertia, Calinski–Harabasz) and on the silhouette sample.</summary>
/// <param name="K">Number of clusters.</param>
/// <param name="Inertia">Within-cluster sum of squared distances in the transformed space (the elbow curve).</param>
/// <param name="Silhouette">Mean silhouette width on the seeded sample (Rousseeuw 1987), in [−1, 1]; NaN for k = 1.</param>
/// <param name="CalinskiHarabasz">Calinski–Harabasz index (1974); NaN for k = 1.</param>
/// <param name="Iterations">Lloyd iterations of the final fit on all points.</param>
/// <param name="Converged">Whether the final fit met the tolerance before the iteration cap.</param>
public sealed record KScore(int K, double Inertia, double Silhouette, double CalinskiHarabasz, int Iterations, bool Converged);
