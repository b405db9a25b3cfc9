namespace Segmenta.Core.Clustering;

/// <summary>
/// A fitted k-means model: the feature transform and the centroids in the transformed space. Clusters are
/// numbered 0 .. k − 1 by size, largest first. Immutable; apply it to new customers with <see cref="Assign"/>.
/// </summary>
/// <param name="Transform">The fitted feature transform.</param>
/// <param name="Centroids">k rows of d transformed coordinates.</param>
/// <param name="Inertia">Within-cluster sum of squares on the points it was fitted on.</param>
/// <param name="Iterations">Lloyd iterations of the final fit.</param>
/// <param name="Converged">Whether the final fit met the tolerance.</param>
public sealed record KMeansModel(FeatureTransform Transform, IReadOnlyList<double[]> Centroids, double Inertia, int Iterations, bool Converged)
{
    /// <summary>Number of clusters.</summary>
    public int K => Centroids.Count;

    /// <summary>Feature names.</summary>
    public IReadOnlyList<string> Features => [.. Transform.Columns.Select(c => c.Name)];

    /// <summary>Transforms raw features and returns each row's nearest centroid (ties: the lower cluster number).</summary>
    public int[] Assign(FeatureMatrix raw, int maxDegreeOfParallelism = KMeansOptions.DefaultMaxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var x = Transform.Apply(raw);
        var labels = new int[x.Rows];
        Internal.Lloyd.Assign(x, Flatten(), K, labels, maxDegreeOfParallelism);
        return labels;
    }

    /// <summary>The centroids mapped back to raw feature units (log1p undone; winsorising cannot be undone).</summary>
    public IReadOnlyList<double[]> CentroidsInFeatureUnits() =>
        [.. Centroids.Select(c => c.Select((z, j) => Transform.Columns[j].Invert(z)).ToArray())];

    internal double[] Flatten() => [.. Centroids.SelectMany(c => c)];
}
