namespace Segmenta.Core.Clustering;

/// <summary>Builds the <see cref="ClusterProfile"/> of every cluster of a fit.</summary>
public static class ClusterProfiles
{
    /// <summary>Profiles (with generated names, unique within the run) of the clusters in <paramref name="labels"/>.</summary>
    /// <param name="raw">The raw features the model was fitted on.</param>
    /// <param name="model">The fitted model (its transform gives the z-scores).</param>
    /// <param name="labels">Cluster of each row, 0 .. k − 1.</param>
    public static IReadOnlyList<ClusterProfile> Build(FeatureMatrix raw, KMeansModel model, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(labels);
        var k = model.K;
        var d = raw.Dimensions;
        var sizes = new long[k];
        var sums = new double[k * d];
        var present = new long[k * d];
        var zSums = new double[k * d];
        for (var i = 0; i < raw.Rows; i++)
        {
            var c = labels[i];
            sizes[c]++;
            for (var j = 0; j < d; j++)
            {
                var v = raw.Values[(i * d) + j];
                zSums[(c * d) + j] += model.Transform.Columns[j].Apply(v);
                if (double.IsNaN(v)) continue;
                sums[(c * d) + j] += v;
                present[(c * d) + j]++;
            }
        }
        var zScores = Enumerable.Range(0, k)
            .Select(c => (IReadOnlyList<double>)[.. Enumerable.Range(0, d).Select(j => sizes[c] == 0 ? 0 : zSums[(c * d) + j] / sizes[c])])
            .ToList();
        var names = ClusterNamer.Name(raw.Columns, zScores);
        return [.. Enumerable.Range(0, k).Select(c => new ClusterProfile(
            c, KMeansScheme.Key(c), sizes[c], raw.Rows == 0 ? 0 : (double)sizes[c] / raw.Rows,
            [.. Enumerable.Range(0, d).Select(j => present[(c * d) + j] == 0 ? double.NaN : sums[(c * d) + j] / present[(c * d) + j])],
            zScores[c], names[c]))];
    }
}
