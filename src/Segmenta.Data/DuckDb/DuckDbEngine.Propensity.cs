using Segmenta.Core;
using Segmenta.Core.Customers;
using Segmenta.Core.Ports;
using Segmenta.Core.Propensity;
using Segmenta.Data.Sql;

namespace Segmenta.Data.DuckDb;

/// <summary>Propensity inputs as SQL: features as of any date (the feature query without attributes) and window activity.</summary>
public sealed partial class DuckDbEngine : IPropensitySource
{
    /// <inheritdoc />
    public Task<CustomerSnapshot> SnapshotAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        if (!TableExists(TransactionsTable))
            throw new SegmentaInputException("No transactions in the store: import a transactions file first (segmenta import --input FILE).");
        var hasOrderId = false;
        if (TableColumns(TransactionsTable).Contains("order_id"))
        {
            using var probe = Query($"SELECT count(order_id) FROM {TransactionsTable}");
            probe.Read();
            hasOrderId = probe.GetInt64(0) > 0;
        }
        var shape = new FeatureQuery.Shape(hasOrderId, HasProduct: false, HasCost: false, TransactionAttributes: [], CustomerAttributes: []);
        var sql = FeatureQuery.Build(Dialect, shape, asOf, TransactionsTable, null);
        var ids = new List<string>();
        List<double> recency = [], tenure = [], firstToLast = [], frequency = [], orders = [], total = [], repeatMean = [];
        using var reader = Query($"""
            SELECT customer_id, {FeatureNames.RecencyDays}, {FeatureNames.TenureDays}, {FeatureNames.FirstToLastDays}, {FeatureNames.Frequency},
                   {FeatureNames.Orders}, CAST({FeatureNames.MonetaryTotal} AS DOUBLE), {FeatureNames.RepeatMonetaryMean}
            FROM ({sql}) AS snapshot ORDER BY customer_id
            """);
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
            recency.Add(reader.GetInt64(1));
            tenure.Add(reader.GetInt64(2));
            firstToLast.Add(reader.GetInt64(3));
            frequency.Add(reader.GetInt64(4));
            orders.Add(reader.GetInt64(5));
            total.Add(reader.GetDouble(6));
            repeatMean.Add(reader.IsDBNull(7) ? double.NaN : reader.GetDouble(7));
        }
        return Task.FromResult(new CustomerSnapshot(asOf, ids, [.. recency], [.. tenure], [.. firstToLast], [.. frequency], [.. orders], [.. total], [.. repeatMean]));
    }

    /// <inheritdoc />
    public Task<WindowActivity> ActivityAsync(DateOnly after, DateOnly through, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        List<double> days = [], revenue = [];
        using var reader = Query($"""
            SELECT customer_id, count(DISTINCT order_date), CAST(sum(amount) AS DOUBLE) FROM {TransactionsTable}
            WHERE order_date > {Dialect.DateLiteral(after)} AND order_date <= {Dialect.DateLiteral(through)}
            GROUP BY customer_id ORDER BY customer_id
            """);
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
            days.Add(reader.GetInt64(1));
            revenue.Add(reader.GetDouble(2));
        }
        return Task.FromResult(new WindowActivity(ids, [.. days], [.. revenue]));
    }
}
