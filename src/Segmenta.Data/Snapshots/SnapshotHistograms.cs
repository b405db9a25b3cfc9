using DuckDB.NET.Data;
using Segmenta.Core.Numerics;

namespace Segmenta.Data.Snapshots;

/// <summary>
/// Frozen cut points for any scheme definition (YAML schemes included): every population parameter a plan fixes
/// (quantiles, means, medians, equal widths, rule aggregates) is a function of the column histograms, so planning a
/// <c>SchemeDefinition</c> with the histograms of a reference snapshot's per-customer table reproduces that snapshot's
/// cut points exactly: <c>SchemePlanner.Plan(definition, SnapshotHistograms.Of(connection, id))</c>. A scheme option such
/// as <c>freeze_from: 12</c> set by the YAML loader only needs to pass this function instead of the live one.
/// </summary>
public static class SnapshotHistograms
{
    /// <summary>histogramOf over the per-customer table of snapshot <paramref name="snapshotId"/>.</summary>
    /// <exception cref="Core.SegmentaInputException">No such snapshot, or the column is not in it.</exception>
    public static Func<string, ValueHistogram> Of(DuckDBConnection connection, long snapshotId)
    {
        var store = new SnapshotStore(connection);
        var columns = store.CustomerColumns(snapshotId);
        var table = SnapshotStore.CustomersTable(snapshotId);
        return column =>
        {
            if (!columns.Contains(column))
                throw new Core.SegmentaInputException($"snapshot {snapshotId} has no column \"{column}\" to freeze cut points from. / 快照 {snapshotId} 没有列 \"{column}\"。");
            var q = SnapshotStore.Quote(column);
            var values = new List<decimal>();
            var counts = new List<long>();
            using (var reader = store.Query($"SELECT CAST({q} AS DECIMAL(38,6)) AS v, count(*) FROM {table} WHERE {q} IS NOT NULL GROUP BY v ORDER BY v"))
            {
                while (reader.Read())
                {
                    values.Add(reader.GetDecimal(0));
                    counts.Add(reader.GetInt64(1));
                }
            }
            return new ValueHistogram([.. values], [.. counts], store.Long($"SELECT count(*) FROM {table} WHERE {q} IS NULL"));
        };
    }
}
