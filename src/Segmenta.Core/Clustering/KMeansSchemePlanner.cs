using System.Globalization;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.Schemes.Planning;

namespace Segmenta.Core.Clustering;

/// <summary>
/// Plans a scheme of kind <c>kmeans</c> (docs/schemes.md): fits k-means on the population's features (seeded, so the same
/// data gives the same centres), then the plan maps each customer's cluster number — written as the numeric feature
/// column <c>&lt;scheme&gt;_id</c> — to the segment key. The assignment is computed in memory by the fit (nearest centre
/// on the transformed features) and written, not recomputed in SQL: the nearest-centre test needs ln(1 + x), whose last
/// bit may differ between engines and .NET, and a customer equidistant up to that bit would then change cluster.
/// The centres (in feature units and transformed) and the transform are kept in the plan's parameters, so a snapshot
/// records them and a later run could reuse them.
/// </summary>
public static class KMeansSchemePlanner
{
    /// <summary>Problems that need the data: k (or the start of k_range) larger than the number of customers.</summary>
    /// <returns>Problems as "path: message" (path <c>k</c> or <c>k_range</c>), empty when the fit can run.</returns>
    public static IReadOnlyList<string> CheckSize(SchemeDefinition definition, int customers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var s = definition.KMeans ?? new KMeansSettings();
        if (s.K is { } k && k > customers)
            return [string.Create(CultureInfo.InvariantCulture, $"k: {k} clusters but only {customers:N0} customers: choose k ≤ {customers:N0} / 聚类数 {k} 大于客户数 {customers:N0}")];
        if (s.K is null && s.MinK > customers)
            return [string.Create(CultureInfo.InvariantCulture, $"k_range: starts at {s.MinK} but there are only {customers:N0} customers: lower it / k 的范围超过客户数 {customers:N0}")];
        return [];
    }

    /// <summary>Fits the scheme's k-means on <paramref name="raw"/> (rows = <paramref name="customerIds"/>) and plans it.</summary>
    /// <param name="definition">A valid scheme of kind kmeans.</param>
    /// <param name="customerIds">One id per row of <paramref name="raw"/>.</param>
    /// <param name="raw">The scheme's features (its <c>features</c>, in order) for every customer; NaN for missing.</param>
    /// <returns>The planned scheme (segment rules are the centres) and the fit with its id column to write.</returns>
    /// <exception cref="SegmentaInputException">Too few customers, or a feature unusable for its transform.</exception>
    public static (PlannedScheme Planned, KMeansAssignment Assignment) Plan(SchemeDefinition definition, IReadOnlyList<string> customerIds, FeatureMatrix raw)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(raw);
        var settings = definition.KMeans ?? new KMeansSettings();
        var size = CheckSize(definition, raw.Rows);
        if (size.Count > 0) throw new SegmentaInputException($"scheme \"{definition.Name}\", {size[0]}");
        var result = KMeans.Fit(raw, settings.ToOptions(), settings.ToTransformOptions());
        if (definition.Segments.Count > result.ChosenK)
        {
            throw new SegmentaInputException(string.Create(CultureInfo.InvariantCulture,
                $"scheme \"{definition.Name}\", segments: {definition.Segments.Count} segments are named but k = {result.ChosenK} was chosen: name at most {result.ChosenK} (or fix k) / 命名的分群多于聚类数"));
        }
        var generic = KMeansScheme.Assign(definition.Name, customerIds, raw, result);
        var profiles = generic.Profiles;
        var model = result.Model;
        var centres = model.CentroidsInFeatureUnits();
        var segments = new List<PlannedSegment>(profiles.Count);
        var infos = new List<SegmentInfo>(profiles.Count);
        foreach (var p in profiles)
        {
            var named = p.Cluster < definition.Segments.Count ? definition.Segments[p.Cluster] : null;
            var key = named?.Name ?? p.Key;
            var description = new LocalizedText(
                string.Create(CultureInfo.InvariantCulture, $"k-means 第 {p.Cluster + 1} 类（{p.Name.ZhCn}），{p.Size:N0} 位客户"),
                string.Create(CultureInfo.InvariantCulture, $"k-means cluster {p.Cluster + 1} ({p.Name.En}), {p.Size:N0} customers"));
            var info = new SegmentInfo(key, named?.Label ?? p.Name, named?.Description ?? description);
            infos.Add(info);
            segments.Add(new PlannedSegment(info, CentreText(model.Features, centres[p.Cluster], p.Cluster), null, named?.Playbook));
        }
        var id = KMeansScheme.IdColumn(definition.Name);
        var rule = new CaseWhen(
            [.. profiles.Select((p, i) => new CaseBranch(new Binary(BinaryOp.Equal, new ColumnRef(id), new Literal((decimal)(p.Cluster + 1))), new Literal(infos[i].Key)))],
            new Literal(null));
        var parameters = new Dictionary<string, IReadOnlyList<decimal>>(generic.Plan.Parameters, StringComparer.Ordinal);
        for (var j = 0; j < model.Features.Count; j++)
        {
            var t = model.Transform.Columns[j];
            // The fitted transform z = (f(clamp(x, lower, upper)) − mean) / sd, f = ln(1 + x) when log1p = 1.
            parameters[$"{definition.Name}:transform({t.Name})"] =
                [t.Log1p ? 1m : 0m, Dec(t.Lower), Dec(t.Upper), Dec(t.Mean), Dec(t.StdDev)];
        }
        foreach (var p in profiles)
        {
            for (var j = 0; j < model.Features.Count; j++)
            {
                parameters[$"{definition.Name}:centre({infos[p.Cluster].Key}, {model.Features[j]})"] = [Dec(centres[p.Cluster][j])];
                parameters[$"{definition.Name}:centre_z({infos[p.Cluster].Key}, {model.Features[j]})"] = [Dec(model.Centroids[p.Cluster][j])];
            }
        }
        var plan = new SchemePlan(definition.Name, [[new DerivedColumn(definition.Name, rule)]], definition.Name, infos, parameters);
        var assignment = generic with { Plan = plan };
        return (new PlannedScheme(plan, segments), assignment);
    }

    /// <summary>The rule text of a cluster: its number and centre, e.g. <c>centre 2: recency_days ≈ 31, orders ≈ 5.2</c>.</summary>
    private static string CentreText(IReadOnlyList<string> features, double[] centre, int cluster) =>
        string.Create(CultureInfo.InvariantCulture, $"centre {cluster + 1}: ")
        + string.Join(", ", features.Select((f, j) => $"{f} ≈ {Round(centre[j])}"));

    /// <summary>A centre coordinate for reading: 4 significant digits, at most 2 decimals.</summary>
    internal static string Round(double value)
    {
        if (!double.IsFinite(value)) return "—";
        var digits = Math.Abs(value) >= 100 ? 0 : Math.Abs(value) >= 10 ? 1 : 2;
        return Math.Round(value, digits).ToString("#,0.##", CultureInfo.InvariantCulture);
    }

    private static decimal Dec(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 7.9e27 ? (decimal)Math.Round(value, 10) : value > 0 ? decimal.MaxValue : value < 0 ? decimal.MinValue : 0m;
}
