using System.Data.Common;
using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Core.Customers;
using Segmenta.Core.Numerics;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Ports;
using Segmenta.Core.Schemes;
using Segmenta.Data.Sql;

namespace Segmenta.Data.DuckDb;

/// <summary>The embedded DuckDB engine: features, histograms and scheme assignment as SQL inside DuckDB.</summary>
/// <param name="connection">An open connection (see <see cref="DuckDbStore.Open"/>); the caller owns it.</param>
public sealed partial class DuckDbEngine(DuckDBConnection connection) : ISegmentationEngine
{
    /// <summary>Imported transactions.</summary>
    public const string TransactionsTable = "transactions";
    /// <summary>Imported customer attributes (optional).</summary>
    public const string CustomersTable = "customers";
    /// <summary>One row per customer: the features.</summary>
    public const string FeaturesTable = "customer_features";
    /// <summary>One row per customer: features, scores and every scheme's segment.</summary>
    public const string SegmentsTable = "customer_segments";

    private static readonly SqlDialect Dialect = DuckDbDialect.Instance;

    /// <inheritdoc />
    public string Name => Dialect.Name;

    /// <summary>The connection this engine runs on.</summary>
    public DuckDBConnection Connection => connection;

    /// <inheritdoc />
    public Task<FeatureBuildResult> BuildFeaturesAsync(DateOnly? asOf, CancellationToken cancellationToken)
    {
        if (!TableExists(TransactionsTable))
            throw new SegmentaInputException("No transactions in the store: import a transactions file first (segmenta import --input FILE).");
        var columns = TableColumns(TransactionsTable);
        using var probe = Query("SELECT count(*), max(order_date), min(order_date)"
            + (columns.Contains("order_id") ? ", count(order_id)" : ", 0")
            + (columns.Contains("product_id") ? ", count(product_id)" : ", 0")
            + (columns.Contains("cost") ? ", count(cost)" : ", 0")
            + " FROM " + TransactionsTable);
        probe.Read();
        var rows = probe.GetInt64(0);
        if (rows == 0)
            throw new SegmentaInputException("The transactions table is empty: every input row was rejected or the file had no data rows. See the rejects file.");
        var lastDate = GetDate(probe, 1)!.Value;
        var used = asOf ?? lastDate.AddDays(1);
        var shape = new FeatureQuery.Shape(
            HasOrderId: probe.GetInt64(3) > 0,
            HasProduct: probe.GetInt64(4) > 0,
            HasCost: probe.GetInt64(5) > 0,
            TransactionAttributes: [.. columns.Where(IsTransactionAttribute)],
            CustomerAttributes: TableExists(CustomersTable)
                ? [.. TableColumns(CustomersTable).Where(c => c != FeatureNames.CustomerId)]
                : []);
        var sql = FeatureQuery.Build(Dialect, shape, used, TransactionsTable, TableExists(CustomersTable) ? CustomersTable : null);
        Execute($"CREATE OR REPLACE TABLE {FeaturesTable} AS {sql}");

        using var stats = Query($"SELECT count(*) FROM {FeaturesTable}");
        stats.Read();
        var customers = stats.GetInt64(0);
        using var counts = Query($"SELECT count(*) FILTER (WHERE order_date <= {Dialect.DateLiteral(used)}), count(*) FILTER (WHERE order_date > {Dialect.DateLiteral(used)}), min(order_date) FILTER (WHERE order_date <= {Dialect.DateLiteral(used)}), max(order_date) FILTER (WHERE order_date <= {Dialect.DateLiteral(used)}) FROM {TransactionsTable}");
        counts.Read();
        return Task.FromResult(new FeatureBuildResult(
            used, customers, counts.GetInt64(0), counts.GetInt64(1), GetDate(counts, 2), GetDate(counts, 3),
            TableColumns(FeaturesTable)));
    }

    /// <inheritdoc />
    public Task<ValueHistogram> HistogramAsync(string column, CancellationToken cancellationToken)
    {
        var features = TableColumns(FeaturesTable);
        if (!features.Contains(column))
            throw new SegmentaInputException($"Unknown feature \"{column}\". Features: {string.Join(", ", features)}.");
        var q = Dialect.QuoteIdentifier(column);
        var values = new List<decimal>();
        var counts = new List<long>();
        using (var reader = Query($"SELECT CAST({q} AS DECIMAL(38,6)) AS v, count(*) FROM {FeaturesTable} WHERE {q} IS NOT NULL GROUP BY v ORDER BY v"))
        {
            while (reader.Read())
            {
                values.Add(reader.GetDecimal(0));
                counts.Add(reader.GetInt64(1));
            }
        }
        using var nulls = Query($"SELECT count(*) FROM {FeaturesTable} WHERE {q} IS NULL");
        nulls.Read();
        return Task.FromResult(new ValueHistogram([.. values], [.. counts], nulls.GetInt64(0)));
    }

    /// <inheritdoc />
    public Task<CustomerHistories> ReadHistoriesAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var x = new List<double>();
        var tx = new List<double>();
        var t = new List<double>();
        var m = new List<double>();
        using var reader = Query($"SELECT customer_id, frequency, first_to_last_days, tenure_days, repeat_monetary_mean FROM {FeaturesTable}");
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
            x.Add(reader.GetInt64(1));
            tx.Add(reader.GetInt64(2));
            t.Add(reader.GetInt64(3));
            m.Add(reader.IsDBNull(4) ? double.NaN : reader.GetDouble(4));
        }
        return Task.FromResult(new CustomerHistories(ids, [.. x], [.. tx], [.. t], [.. m]));
    }

    /// <inheritdoc />
    public Task AddFeatureColumnsAsync(IReadOnlyList<string> customerIds, IReadOnlyList<(string Name, double[] Values)> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(columns);
        const string staging = "customer_added_features";
        var names = columns.Select(c => Dialect.QuoteIdentifier(c.Name)).ToList();
        Execute($"CREATE OR REPLACE TEMP TABLE {staging} (customer_id VARCHAR, {string.Join(", ", names.Select(n => n + " DOUBLE"))})");
        using (var appender = connection.CreateAppender(staging))
        {
            for (var i = 0; i < customerIds.Count; i++)
            {
                var row = appender.CreateRow().AppendValue(customerIds[i]);
                foreach (var (_, values) in columns) row = row.AppendValue(double.IsFinite(values[i]) ? values[i] : (double?)null);
                row.EndRow();
            }
        }
        Execute($"CREATE OR REPLACE TABLE {FeaturesTable} AS SELECT f.*, {string.Join(", ", names.Select(n => "a." + n))} FROM {FeaturesTable} AS f LEFT JOIN {staging} AS a ON a.customer_id = f.customer_id");
        Execute($"DROP TABLE {staging}");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ApplyPlansAsync(IReadOnlyList<SchemePlan> plans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var known = new HashSet<string>(TableColumns(FeaturesTable), StringComparer.Ordinal);
        var depth = plans.Count == 0 ? 0 : plans.Max(p => p.Layers.Count);
        var from = FeaturesTable;
        for (var layer = 0; layer < depth; layer++)
        {
            var compiler = new ExprSqlCompiler(Dialect, new HashSet<string>(known, StringComparer.Ordinal));
            var select = new List<string> { "*" };
            foreach (var plan in plans.Where(p => layer < p.Layers.Count))
            {
                foreach (var column in plan.Layers[layer])
                {
                    if (!known.Add(column.Name))
                        throw new SegmentaInputException($"Scheme \"{plan.Scheme}\" writes column \"{column.Name}\", which already exists. Rename the scheme's output.");
                    select.Add(compiler.Compile(column.Expression) + " AS " + Dialect.QuoteIdentifier(column.Name));
                }
            }
            from = $"(SELECT {string.Join(", ", select)} FROM {from}) AS layer{layer}";
        }
        Execute($"CREATE OR REPLACE TABLE {SegmentsTable} AS SELECT * FROM {from}");
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SegmentStats>> SegmentStatsAsync(string segmentColumn, CancellationToken cancellationToken)
    {
        var q = Dialect.QuoteIdentifier(segmentColumn);
        var list = new List<SegmentStats>();
        using var reader = Query($"SELECT CAST({q} AS VARCHAR), count(*), CAST(sum(monetary_total) AS DECIMAL(38,4)), avg(recency_days), avg(orders), avg(CAST(monetary_total AS DOUBLE)) FROM {SegmentsTable} GROUP BY 1 ORDER BY 1");
        while (reader.Read())
        {
            list.Add(new SegmentStats(
                reader.IsDBNull(0) ? "" : reader.GetString(0), reader.GetInt64(1),
                reader.IsDBNull(2) ? 0m : reader.GetDecimal(2),
                reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5)));
        }
        return Task.FromResult<IReadOnlyList<SegmentStats>>(list);
    }

    /// <summary>Whether a table exists in the store.</summary>
    public bool TableExists(string table)
    {
        using var reader = Query($"SELECT count(*) FROM information_schema.tables WHERE table_name = {Dialect.StringLiteral(table)}");
        reader.Read();
        return reader.GetInt64(0) > 0;
    }

    /// <summary>The columns of a table, in order.</summary>
    public IReadOnlyList<string> TableColumns(string table)
    {
        var columns = new List<string>();
        using var reader = Query($"SELECT column_name FROM information_schema.columns WHERE table_name = {Dialect.StringLiteral(table)} ORDER BY ordinal_position");
        while (reader.Read()) columns.Add(reader.GetString(0));
        return columns;
    }

    private static readonly HashSet<string> CoreTransactionColumns = new(StringComparer.Ordinal)
    {
        "src_row", "customer_id", "order_date", "amount", "order_id", "product_id", "quantity", "cost", "category",
    };

    private static bool IsTransactionAttribute(string column) => !CoreTransactionColumns.Contains(column);

    internal void Execute(string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    internal DbDataReader Query(string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteReader();
    }

    private static DateOnly? GetDate(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);
}
