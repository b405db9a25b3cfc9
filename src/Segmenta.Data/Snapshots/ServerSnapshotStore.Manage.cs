using System.Globalization;
using Segmenta.Core.Snapshots.Migration;

namespace Segmenta.Data.Snapshots;

public sealed partial class ServerSnapshotStore
{
    /// <summary>
    /// Deletes snapshot <paramref name="id"/>: its header row, then its data tables. PostgreSQL: one transaction.
    /// ClickHouse: the header goes first (the snapshot stops being listed at once); a failure before the tables are
    /// dropped leaves orphans, which the next save drops (<see cref="CleanOrphansAsync"/>).
    /// </summary>
    /// <exception cref="Core.SegmentaInputException">No such snapshot.</exception>
    public async Task DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await RequireAsync(id, cancellationToken).ConfigureAwait(false);
        await _backend.InTransactionAsync(async () =>
        {
            await _backend.DeleteMetaRowsAsync(HeaderTable, $"snapshot_id = {Num(id)}", cancellationToken).ConfigureAwait(false);
            await _backend.DropPerCustomerAsync(AssignmentsTable(id), cancellationToken).ConfigureAwait(false);
            await _backend.DropPerCustomerAsync(CustomersTable(id), cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="SegmentKpis"/> of <paramref name="scheme"/> over every complete snapshot, computed inside the engine: per
    /// snapshot one <c>GROUP BY</c> segment over its customers, joined to the next snapshot's customers for retention (on
    /// ClickHouse per shard: a customer's rows of both snapshots are on the same shard). Only per-segment sums travel.
    /// </summary>
    /// <exception cref="Core.SegmentaInputException">A snapshot does not have the scheme.</exception>
    public async Task<IReadOnlyList<SegmentKpi>> KpisAsync(string scheme, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var ordered = (await ListAsync(cancellationToken).ConfigureAwait(false)).OrderBy(h => h.AsOf).ThenBy(h => h.Id).ToList();
        var result = new List<SegmentKpi>();
        for (var k = 0; k < ordered.Count; k++)
        {
            var h = ordered[k];
            var s = h.Scheme(scheme) ?? throw SnapshotStore.UnknownScheme(h, scheme);
            var columns = await _backend.ColumnsAsync(CustomersTable(h.Id), cancellationToken).ConfigureAwait(false);
            var clv = columns.FirstOrDefault(c => c.StartsWith("clv_", StringComparison.Ordinal)) is { } name ? Dialect.QuoteIdentifier(name) : null;
            var next = k + 1 < ordered.Count ? ordered[k + 1].Id : (long?)null;
            var segment = _backend.TextOrEmpty(Dialect.QuoteIdentifier(s.SegmentColumn));
            var clvSum = clv is null ? "0" : $"sum(CASE WHEN {clv} IS NULL THEN 0 ELSE {clv} END)";
            var clvCount = clv is null ? "0" : $"sum(CASE WHEN {clv} IS NULL THEN 0 ELSE 1 END)";
            var retained = next is null ? "0" : $"sum(CASE WHEN next_last_purchase > {Dialect.DateLiteral(h.AsOf)} THEN 1 ELSE 0 END)";
            string Sql(Func<string, string> t) =>
                $"SELECT {segment} AS kpi_segment, count(*), sum(monetary_total), {clvSum}, {clvCount}, {retained} FROM {t(CustomersTable(h.Id))}"
                + (next is { } n ? $" {Dialect.LeftJoin} (SELECT customer_id, last_purchase AS next_last_purchase FROM {t(CustomersTable(n))}) AS nx USING (customer_id)" : "")
                + $" GROUP BY {segment}";
            var parts = await _backend.RowsPerShardAsync(Sql, cancellationToken).ConfigureAwait(false);
            foreach (var g in parts.GroupBy(r => r[0] ?? "", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var customers = g.Sum(r => Long(r[1]));
                var revenue = g.Sum(r => r[2] is null ? 0m : decimal.Parse(r[2]!, NumberStyles.Float, CultureInfo.InvariantCulture));
                var clvCustomers = g.Sum(r => Long(r[4]));
                double? meanClv = clvCustomers == 0 ? null : g.Sum(r => double.Parse(r[3]!, NumberStyles.Float, CultureInfo.InvariantCulture)) / clvCustomers;
                double? retention = next is null ? null : (double)g.Sum(r => Long(r[5])) / customers;
                result.Add(new SegmentKpi(h.Id, h.AsOf, g.Key, customers, revenue, meanClv, retention));
            }
        }
        return result;
    }
}
