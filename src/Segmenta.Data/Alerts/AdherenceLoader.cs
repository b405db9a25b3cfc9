using DuckDB.NET.Data;
using Segmenta.Core.Adherence;
using Segmenta.Data.Snapshots;

namespace Segmenta.Data.Alerts;

/// <summary>Plan adherence on a stored snapshot with the imported <c>interactions</c> table (see <see cref="ContactAdherence"/>).</summary>
public static class AdherenceLoader
{
    /// <summary>Adherence over the <paramref name="periodDays"/> days ending at the snapshot's as-of date.</summary>
    /// <exception cref="Core.SegmentaInputException">No interactions imported, or no such snapshot or scheme.</exception>
    public static AdherenceReport Run(DuckDBConnection connection, long snapshotId, string scheme, IReadOnlyDictionary<string, int> contactEveryDays, int periodDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periodDays, 1);
        if (!Interactions.Exists(connection))
            throw new Core.SegmentaInputException("no interactions imported: import the visits/calls table first (interactions: customer_id, interaction_date, type, cost, owner). / 未导入互动记录。");
        var store = new SnapshotStore(connection);
        var header = store.Require(snapshotId);
        var customers = store.Assignments(snapshotId, scheme);
        var to = header.AsOf;
        var from = to.AddDays(1 - periodDays);
        var hasOwner = new DuckDb.DuckDbEngine(connection).TableColumns(Interactions.Table).Contains("owner");
        var list = new List<Interaction>();
        using var reader = store.Query($"SELECT CAST(customer_id AS VARCHAR), CAST(interaction_date AS DATE), {(hasOwner ? "coalesce(CAST(owner AS VARCHAR), '')" : "''")} FROM {Interactions.Table} WHERE CAST(interaction_date AS DATE) BETWEEN {SnapshotStore.Date(from)} AND {SnapshotStore.Date(to)}");
        while (reader.Read())
        {
            if (!reader.IsDBNull(0) && !reader.IsDBNull(1)) list.Add(new Interaction(reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetString(2)));
        }
        return ContactAdherence.Compute(customers, contactEveryDays, list, from, to);
    }
}
