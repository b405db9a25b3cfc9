using Segmenta.Core.Schemes;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Sql;

namespace Segmenta.Data.Analysis;

/// <summary>
/// The bilingual labels of segment columns that are not built in (clusters, user schemes), stored beside the
/// segment table (<c>segment_catalogue</c>) so later commands (<c>explain</c>, reports) can show names, not keys.
/// </summary>
internal static class SegmentCatalogue
{
    public const string Table = "segment_catalogue";

    private static readonly SqlDialect Dialect = DuckDbDialect.Instance;

    /// <summary>Replaces the catalogue entries of the plan's segment column.</summary>
    public static void Save(DuckDbEngine engine, SchemePlan plan)
    {
        engine.Execute($"CREATE TABLE IF NOT EXISTS {Table} (segment_column VARCHAR, position INTEGER, segment VARCHAR, label_zh VARCHAR, label_en VARCHAR)");
        engine.Execute($"DELETE FROM {Table} WHERE segment_column = {Dialect.StringLiteral(plan.SegmentColumn)}");
        using var appender = engine.Connection.CreateAppender(Table);
        for (var i = 0; i < plan.Segments.Count; i++)
        {
            var s = plan.Segments[i];
            appender.CreateRow().AppendValue(plan.SegmentColumn).AppendValue(i).AppendValue(s.Key).AppendValue(s.Label.ZhCn).AppendValue(s.Label.En).EndRow();
        }
    }

    /// <summary>The labels of a segment column's keys, in catalogue order; empty when the column is not catalogued.</summary>
    public static IReadOnlyList<SegmentInfo> Load(DuckDbEngine engine, string segmentColumn)
    {
        var list = new List<SegmentInfo>();
        if (!engine.TableExists(Table)) return list;
        using var reader = engine.Query($"SELECT segment, label_zh, label_en FROM {Table} WHERE segment_column = {Dialect.StringLiteral(segmentColumn)} ORDER BY position");
        while (reader.Read())
            list.Add(new SegmentInfo(reader.GetString(0), new LocalizedText(reader.GetString(1), reader.GetString(2)), new LocalizedText("", "")));
        return list;
    }
}
