using System.Text.Json;
using DuckDB.NET.Data;
using Segmenta.Core.Clustering;
using Segmenta.Core.Schemes;
using Segmenta.Core.Trees;

namespace Segmenta.Data.Reporting;

/// <summary>A k-means run as the report shows it: features and one profile per cluster.</summary>
/// <param name="Scheme">The cluster scheme (segment column).</param>
/// <param name="Features">Clustering features, in profile order.</param>
/// <param name="Profiles">One profile per cluster, largest first.</param>
public sealed record ClusterRecord(string Scheme, IReadOnlyList<string> Features, IReadOnlyList<ClusterRecordProfile> Profiles)
{
    /// <summary>The record of a fitted assignment.</summary>
    public static ClusterRecord From(string scheme, KMeansAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return new ClusterRecord(scheme, assignment.Result.Model.Features,
            [.. assignment.Profiles.Select(p => new ClusterRecordProfile(p.Key, p.Name, p.Size, p.Means, p.ZScores))]);
    }
}

/// <summary>One cluster of a <see cref="ClusterRecord"/>.</summary>
/// <param name="Key">Segment key (<c>c1</c> …).</param>
/// <param name="Name">Generated bilingual name.</param>
/// <param name="Customers">Customers.</param>
/// <param name="Means">Mean per feature, original units.</param>
/// <param name="ZScores">Standardised centre per feature.</param>
public sealed record ClusterRecordProfile(string Key, LocalizedText Name, long Customers, IReadOnlyList<double> Means, IReadOnlyList<double> ZScores);

/// <summary>An explaining tree as the report shows it: fidelity and one rule per leaf.</summary>
/// <param name="Scheme">The scheme explained.</param>
/// <param name="SegmentColumn">Its segment column.</param>
/// <param name="Fidelity">Share of customers whose leaf predicts their own segment.</param>
/// <param name="Rules">One rule per leaf, left to right.</param>
public sealed record ExplainRecord(string Scheme, string SegmentColumn, double Fidelity, IReadOnlyList<ExplainRecordRule> Rules)
{
    /// <summary>The record of a fitted tree.</summary>
    public static ExplainRecord From(string scheme, string segmentColumn, DecisionTreeModel tree, IReadOnlyList<TreeRule> rules)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(rules);
        string Conditions(TreeRule r, bool zh) => r.Conditions.Count == 0
            ? (zh ? "全部客户" : "all customers")
            : string.Join(zh ? " 且 " : " and ", r.Conditions.Select(c => TreeRules.Condition(tree, c, zh)));
        return new ExplainRecord(scheme, segmentColumn, tree.Fidelity,
            [.. rules.Select(r => new ExplainRecordRule(tree.Classes[r.Class], new LocalizedText(Conditions(r, true), Conditions(r, false)), r.Size, r.Purity))]);
    }
}

/// <summary>One leaf of an <see cref="ExplainRecord"/>.</summary>
/// <param name="Segment">Segment the leaf predicts.</param>
/// <param name="Conditions">The path's conditions in both languages.</param>
/// <param name="Customers">Customers reaching the leaf.</param>
/// <param name="Purity">Share of them in <paramref name="Segment"/>.</param>
public sealed record ExplainRecordRule(string Segment, LocalizedText Conditions, long Customers, double Purity);

/// <summary>
/// Keeps the last cluster profiles and the last explaining tree per scheme in the store (table <c>segmenta_analysis</c>)
/// so <c>segmenta report</c> can show them after <c>segmenta cluster</c> / <c>segmenta explain</c>.
/// </summary>
public static class AnalysisRecordStore
{
    /// <summary>The table: kind (<c>cluster</c> / <c>explain</c>), scheme, record as JSON.</summary>
    public const string Table = "segmenta_analysis";

    private const string ClusterKind = "cluster", ExplainKind = "explain";

    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Replaces the stored profiles of the record's scheme.</summary>
    public static void Save(DuckDBConnection connection, ClusterRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Save(connection, ClusterKind, record.Scheme, JsonSerializer.Serialize(record, Json));
    }

    /// <summary>Replaces the stored tree of the record's scheme.</summary>
    public static void Save(DuckDBConnection connection, ExplainRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Save(connection, ExplainKind, record.SegmentColumn, JsonSerializer.Serialize(record, Json));
    }

    /// <summary>Every stored cluster record, oldest first.</summary>
    public static IReadOnlyList<ClusterRecord> Clusters(DuckDBConnection connection) =>
        [.. Load(connection, ClusterKind).Select(t => JsonSerializer.Deserialize<ClusterRecord>(t, Json)!)];

    /// <summary>The stored tree that explains <paramref name="segmentColumn"/>, or null.</summary>
    public static ExplainRecord? Explain(DuckDBConnection connection, string segmentColumn) =>
        Load(connection, ExplainKind, segmentColumn).Select(t => JsonSerializer.Deserialize<ExplainRecord>(t, Json)).LastOrDefault();

    private static void Save(DuckDBConnection connection, string kind, string scheme, string json)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"CREATE TABLE IF NOT EXISTS {Table} (kind VARCHAR, scheme VARCHAR, saved_at TIMESTAMP DEFAULT current_timestamp, record VARCHAR); " +
            $"DELETE FROM {Table} WHERE kind = $1 AND scheme = $2; INSERT INTO {Table} (kind, scheme, record) VALUES ($1, $2, $3)";
        cmd.Parameters.Add(new DuckDBParameter(kind));
        cmd.Parameters.Add(new DuckDBParameter(scheme));
        cmd.Parameters.Add(new DuckDBParameter(json));
        cmd.ExecuteNonQuery();
    }

    private static List<string> Load(DuckDBConnection connection, string kind, string? scheme = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var list = new List<string>();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM information_schema.tables WHERE table_name = '{Table}'";
        if (Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0) return list;
        cmd.CommandText = $"SELECT record FROM {Table} WHERE kind = $1" + (scheme is null ? "" : " AND scheme = $2") + " ORDER BY saved_at";
        cmd.Parameters.Add(new DuckDBParameter(kind));
        if (scheme is not null) cmd.Parameters.Add(new DuckDBParameter(scheme));
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) list.Add(reader.GetString(0));
        return list;
    }
}
