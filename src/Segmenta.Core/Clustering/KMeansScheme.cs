using System.Globalization;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.Clustering;

/// <summary>
/// k-means as a scheme (kind <c>kmeans</c>): fit on the customers' features, then an assignment with the same shape as
/// every other scheme (a segment column holding <c>c1</c> .. <c>ck</c>, labelled with the generated names).
/// </summary>
public static class KMeansScheme
{
    /// <summary>The scheme (and segment column) name the <c>segmenta cluster</c> command uses.</summary>
    public const string DefaultName = "cluster";

    /// <summary>The segment key of cluster number <paramref name="cluster"/> (0-based): <c>c1</c>, <c>c2</c> ….</summary>
    public static string Key(int cluster) => "c" + (cluster + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The numeric feature column holding the 1-based cluster number: <c>&lt;scheme&gt;_id</c>.</summary>
    public static string IdColumn(string scheme) => scheme + "_id";

    /// <summary>Fits k-means with <paramref name="settings"/> on <paramref name="raw"/> (rows = <paramref name="customerIds"/>) and builds the assignment.</summary>
    /// <exception cref="SegmentaInputException">Invalid settings, too few customers, or a feature unusable for its transform.</exception>
    public static KMeansAssignment Run(string scheme, IReadOnlyList<string> customerIds, FeatureMatrix raw, KMeansSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = settings.Validate();
        if (problems.Count > 0) throw new SegmentaInputException($"Scheme \"{scheme}\": " + string.Join(" ", problems));
        var result = KMeans.Fit(raw, settings.ToOptions(), settings.ToTransformOptions());
        return Assign(scheme, customerIds, raw, result);
    }

    /// <summary>Turns a fit into an assignment: profiles and names, the id column and the plan.</summary>
    public static KMeansAssignment Assign(string scheme, IReadOnlyList<string> customerIds, FeatureMatrix raw, KMeansResult result)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(result);
        if (customerIds.Count != raw.Rows || result.Labels.Length != raw.Rows)
            throw new ArgumentException("Give one customer id and one label per row.", nameof(customerIds));
        var profiles = ClusterProfiles.Build(raw, result.Model, result.Labels);
        var ids = result.Labels.Select(l => (double)(l + 1)).ToArray();
        return new KMeansAssignment(customerIds, (IdColumn(scheme), ids), Plan(scheme, result, profiles), result, profiles);
    }

    /// <summary>The plan: <c>CASE &lt;scheme&gt;_id WHEN 1 THEN 'c1' … END</c> into column <paramref name="scheme"/>.</summary>
    public static SchemePlan Plan(string scheme, KMeansResult result, IReadOnlyList<ClusterProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(profiles);
        var id = IdColumn(scheme);
        var rule = new CaseWhen(
            [.. profiles.Select(p => new CaseBranch(new Binary(BinaryOp.Equal, new ColumnRef(id), new Literal((decimal)(p.Cluster + 1))), new Literal(p.Key)))],
            new Literal(null));
        var segments = profiles.Select(p => new SegmentInfo(
            p.Key, p.Name,
            new LocalizedText(
                string.Create(CultureInfo.InvariantCulture, $"k-means 第 {p.Cluster + 1} 类，{p.Size:N0} 位客户"),
                string.Create(CultureInfo.InvariantCulture, $"k-means cluster {p.Cluster + 1}, {p.Size:N0} customers")))).ToList();
        var parameters = new Dictionary<string, IReadOnlyList<decimal>>(StringComparer.Ordinal)
        {
            [scheme + "_k"] = [result.ChosenK],
        };
        var centroids = result.Model.CentroidsInFeatureUnits();
        for (var c = 0; c < centroids.Count; c++)
            parameters[$"{scheme}_centroid_{Key(c)}"] = [.. centroids[c].Select(v => double.IsFinite(v) ? (decimal)Math.Round(v, 6) : 0m)];
        return new SchemePlan(scheme, [[new DerivedColumn(scheme, rule)]], scheme, segments, parameters);
    }
}
