using Segmenta.Core.Schemes;

namespace Segmenta.Core.Clustering;

/// <summary>Who is in one cluster: size, share, the mean of each feature and how far it lies from the population.</summary>
/// <param name="Cluster">Cluster number, 0 .. k − 1 (largest first).</param>
/// <param name="Key">The stored segment key: <c>c1</c> .. <c>ck</c>.</param>
/// <param name="Size">Customers in the cluster.</param>
/// <param name="Share">Size ÷ all customers.</param>
/// <param name="Means">Mean of each raw feature over the cluster (missing values left out), in the features' order.</param>
/// <param name="ZScores">
/// Mean of each transformed, standardised feature over the cluster: how many population standard deviations the
/// cluster sits above (+) or below (−) the population on the scale k-means used (after log1p where applied).
/// </param>
/// <param name="Name">The generated bilingual name (<see cref="ClusterNamer"/>).</param>
public sealed record ClusterProfile(
    int Cluster, string Key, long Size, double Share, IReadOnlyList<double> Means, IReadOnlyList<double> ZScores, LocalizedText Name);
