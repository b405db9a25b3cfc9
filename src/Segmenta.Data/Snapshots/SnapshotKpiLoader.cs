using DuckDB.NET.Data;
using Segmenta.Core.Snapshots.Migration;

namespace Segmenta.Data.Snapshots;

/// <summary>Reads the per-customer rows <see cref="SegmentKpis"/> needs from stored snapshots.</summary>
public static class SnapshotKpiLoader
{
    /// <summary>Segment KPIs of <paramref name="scheme"/> over the given snapshots (all complete ones when null).</summary>
    public static IReadOnlyList<SegmentKpi> Load(DuckDBConnection connection, string scheme, IReadOnlyList<long>? ids = null)
    {
        var store = new SnapshotStore(connection);
        var headers = ids is null ? store.List() : [.. ids.Select(store.Require)];
        var snapshots = new List<KpiSnapshot>();
        foreach (var h in headers)
        {
            var s = h.Scheme(scheme) ?? throw SnapshotStore.UnknownScheme(h, scheme);
            var columns = store.CustomerColumns(h.Id);
            var clv = columns.FirstOrDefault(c => c.StartsWith("clv_", StringComparison.Ordinal));
            var rows = new List<KpiRow>();
            using var reader = store.Query(
                $"SELECT CAST(customer_id AS VARCHAR), CAST({SnapshotStore.Quote(s.SegmentColumn)} AS VARCHAR), CAST(monetary_total AS DECIMAL(38,4)), "
                + (clv is null ? "NULL" : $"CAST({SnapshotStore.Quote(clv)} AS DOUBLE)") + ", CAST(last_purchase AS DATE) "
                + $"FROM {SnapshotStore.CustomersTable(h.Id)}");
            while (reader.Read())
            {
                rows.Add(new KpiRow(reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1),
                    reader.IsDBNull(2) ? 0m : reader.GetDecimal(2), reader.IsDBNull(3) ? null : reader.GetDouble(3),
                    reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4)));
            }
            snapshots.Add(new KpiSnapshot(h.Id, h.AsOf, rows));
        }
        return SegmentKpis.Compute(snapshots);
    }
}
