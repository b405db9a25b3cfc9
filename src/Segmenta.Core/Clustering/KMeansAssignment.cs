namespace Segmenta.Core.Clustering;

/// <summary>
/// A clustering ready for the pipeline: push <see cref="IdColumn"/> with
/// <see cref="Ports.ISegmentationEngine.AddFeatureColumnsAsync"/>, then apply <see cref="Plan"/> with the other plans;
/// the scheme's segment column then holds <c>c1</c> .. <c>ck</c>.
/// </summary>
/// <param name="CustomerIds">Customer ids, in the order of the id column's values.</param>
/// <param name="IdColumn">Numeric feature column: the cluster number 1 .. k of each customer.</param>
/// <param name="Plan">The scheme plan mapping the cluster number to the segment key, with the generated names as labels.</param>
/// <param name="Result">The fit (model, labels, the score of every k).</param>
/// <param name="Profiles">The profile and name of every cluster.</param>
public sealed record KMeansAssignment(
    IReadOnlyList<string> CustomerIds,
    (string Name, double[] Values) IdColumn,
    Schemes.SchemePlan Plan,
    KMeansResult Result,
    IReadOnlyList<ClusterProfile> Profiles);
