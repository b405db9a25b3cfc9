using System.Data.Common;
using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Core.Customers;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Ports;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Rules;
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
    /// <summary>Imported interactions (optional).</summary>
    public const string InteractionsTable = "interactions";
    /// <summary>Imported survey answers (optional).</summary>
    public const string SurveysTable = "surveys";
    /// <summary>One row per customer: the features.</summary>
    public const string FeaturesTable = "customer_features";
    /// <summary>
    /// One row per customer: features, scores and every scheme's segment. After <see cref="ApplyPlansAsync"/> this is a
    /// view joining <see cref="FeaturesTable"/> with <see cref="AssignmentsTable"/> by customer id (a store written by a
    /// server-engine run, or by an older version, may hold it as a table with the same columns).
    /// </summary>
    public const string SegmentsTable = "customer_segments";
    /// <summary>One row per customer: <c>customer_id</c> and every scheme's derived columns (segment, scores, reason keys) only.</summary>
    public const string AssignmentsTable = "customer_assignments";

    private static readonly SqlDialect Dialect = DuckDbDialect.Instance;

    /// <inheritdoc />
    public string Name => Dialect.Name;

    /// <summary>The connection this engine runs on.</summary>
    public DuckDBConnection Connection => connection;

    /// <inheritdoc />
    public Task<FeatureBuildResult> BuildFeaturesAsync(DateOnly? asOf, CancellationToken cancellationToken) =>
        BuildFeaturesAsync(asOf, new ProfitabilityOptions(), cancellationToken);

    /// <inheritdoc />
    public Task<FeatureBuildResult> BuildFeaturesAsync(DateOnly? asOf, ProfitabilityOptions profitability, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profitability);
        if (!TableExists(TransactionsTable))
            throw new SegmentaInputException("No transactions in the store: import a transactions file first (segmenta import --input FILE).");
        var columns = TableColumns(TransactionsTable);
        using var probe = Query(EngineSql.Probe(Dialect, TransactionsTable, [.. columns]));
        probe.Read();
        var rows = probe.GetInt64(0);
        if (rows == 0)
            throw new SegmentaInputException("The transactions table is empty: every input row was rejected or the file had no data rows. See the rejects file.");
        var lastDate = GetDate(probe, 1)!.Value;
        var used = asOf ?? lastDate.AddDays(1);
        var shape = FeatureQuery.ShapeOf(probe.GetInt64(3) > 0, probe.GetInt64(4) > 0, probe.GetInt64(5) > 0, columns,
            TableExists(CustomersTable) ? TableColumns(CustomersTable) : [],
            TableExists(InteractionsTable) ? InteractionsTable : null, TableExists(SurveysTable) ? SurveysTable : null, profitability.UnitCosts);
        var sql = FeatureQuery.Build(Dialect, shape, used, TransactionsTable, TableExists(CustomersTable) ? CustomersTable : null);
        // The rows' order carries no meaning (readers sort explicitly); not preserving it lets DuckDB write in parallel.
        DropRunView(connection, FeaturesTable);
        WithoutInsertionOrder(() => Execute($"CREATE OR REPLACE TABLE {FeaturesTable} AS {sql}"));
        if (shape.Interactions is not null)
            Execute($"CREATE OR REPLACE TABLE {FeaturesTable} AS {ContactFeatureQuery.Profit(Dialect, FeaturesTable, TableColumns(FeaturesTable), MarginRate(profitability, shape.HasCost))}");

        using var stats = Query($"SELECT count(*) FROM {FeaturesTable}");
        stats.Read();
        var customers = stats.GetInt64(0);
        using var counts = Query(EngineSql.AsOfCounts(Dialect, TransactionsTable, used));
        counts.Read();
        return Task.FromResult(new FeatureBuildResult(
            used, customers, counts.GetInt64(0), counts.GetInt64(1), GetDate(counts, 2), GetDate(counts, 3),
            TableColumns(FeaturesTable)));
    }

    /// <summary>
    /// The gross margin rate for customers without a recorded cost: the given rate, else the population rate
    /// Σ margin / Σ revenue over customers with a recorded cost and revenue &gt; 0 (the rule of <see cref="Core.Clv.MarginRates"/>),
    /// else null.
    /// </summary>
    private decimal? MarginRate(ProfitabilityOptions profitability, bool hasCost)
    {
        if (profitability.MarginRate is { } given) return Math.Round((decimal)given, 10);
        if (!hasCost) return null;
        using var reader = Query(ContactFeatureQuery.MarginSums(FeaturesTable));
        reader.Read();
        return reader.IsDBNull(0) || reader.IsDBNull(1) ? null : ContactFeatureQuery.PopulationMarginRate(reader.GetDecimal(0), reader.GetDecimal(1));
    }

    /// <summary>
    /// The rule-language schema of the feature table as it is now: every column typed from its SQL type (VARCHAR → text,
    /// DATE → date, BOOLEAN → boolean, numbers → number). Build the features first.
    /// </summary>
    public FeatureSchema DescribeFeatures()
    {
        var columns = new Dictionary<string, FeatureType>(StringComparer.Ordinal);
        using var reader = Query($"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = {Dialect.StringLiteral(FeaturesTable)} ORDER BY ordinal_position");
        while (reader.Read())
        {
            var type = reader.GetString(1);
            columns[reader.GetString(0)] = type switch
            {
                "VARCHAR" => FeatureType.Text,
                "DATE" => FeatureType.Date,
                "BOOLEAN" => FeatureType.Boolean,
                _ when type.StartsWith("TIMESTAMP", StringComparison.Ordinal) => FeatureType.Date,
                _ => FeatureType.Number,
            };
        }
        return new FeatureSchema(columns);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, FeatureType>> FeatureTypesAsync(CancellationToken cancellationToken)
    {
        var types = new Dictionary<string, FeatureType>(StringComparer.Ordinal);
        using var reader = Query($"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = {Dialect.StringLiteral(FeaturesTable)} ORDER BY ordinal_position");
        while (reader.Read()) types[reader.GetString(0)] = TypeOf(reader.GetString(1));
        return Task.FromResult<IReadOnlyDictionary<string, FeatureType>>(types);
    }

    /// <summary>The rule-language type of a DuckDB column type.</summary>
    internal static FeatureType TypeOf(string duckDbType) => duckDbType.ToUpperInvariant() switch
    {
        "BOOLEAN" => FeatureType.Boolean,
        "DATE" or "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" => FeatureType.Date,
        "VARCHAR" => FeatureType.Text,
        var t when t.StartsWith("DECIMAL", StringComparison.Ordinal) || t is "BIGINT" or "INTEGER" or "SMALLINT" or "TINYINT" or "HUGEINT"
            or "UBIGINT" or "UINTEGER" or "USMALLINT" or "UTINYINT" or "DOUBLE" or "FLOAT" or "REAL" => FeatureType.Number,
        _ => FeatureType.Text,
    };

    /// <inheritdoc />
    public Task<CustomerHistories> ReadHistoriesAsync(CancellationToken cancellationToken)
    {
        var profit = TableColumns(FeaturesTable).Contains(FeatureNames.GrossMargin);
        var rows = new Engines.HistoryRows(profit);
        using var reader = Query(Engines.HistoryRows.Select(Dialect, FeaturesTable, profit));
        while (reader.Read()) rows.Add(reader);
        return Task.FromResult(rows.ToHistories());
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
    public Task<(IReadOnlyList<string> CustomerIds, double[][] Columns)> ReadFeatureColumnsAsync(IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        using var count = Query($"SELECT count(*) FROM {FeaturesTable}");
        count.Read();
        var n = checked((int)count.GetInt64(0));
        var ids = new List<string>(n);
        var values = columns.Select(_ => new double[n]).ToArray();
        var select = string.Concat(columns.Select(c => $", CAST({Dialect.QuoteIdentifier(c)} AS DOUBLE)"));
        using var reader = Query($"SELECT customer_id{select} FROM {FeaturesTable} ORDER BY customer_id");
        var row = 0;
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
            for (var j = 0; j < values.Length; j++) values[j][row] = reader.IsDBNull(j + 1) ? double.NaN : reader.GetDouble(j + 1);
            row++;
        }
        return Task.FromResult<(IReadOnlyList<string>, double[][])>((ids, values));
    }

    /// <inheritdoc />
    public Task ApplyPlansAsync(IReadOnlyList<SchemePlan> plans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plans);
        // One pass over the features writes only the key, the derived columns and the few measures the segment statistics
        // read (so they need no join); readers see them joined with the features through the customer_segments view
        // (no copy of the feature columns).
        DropRunView(connection, AssignmentsTable);
        Execute($"CREATE OR REPLACE TABLE {AssignmentsTable} AS {AssignmentsSql(plans)}");
        CreateSegmentsView();
        return Task.CompletedTask;
    }

    /// <summary>The SELECT <see cref="ApplyPlansAsync"/> writes to <see cref="AssignmentsTable"/>.</summary>
    internal string AssignmentsSql(IReadOnlyList<SchemePlan> plans)
    {
        var kinds = ColumnKinds(FeaturesTable);
        var carry = EngineSql.StatsMeasures.Where(kinds.ContainsKey).ToList();
        return EngineSql.Plans(Dialect, plans, kinds, FeaturesTable, derivedOnly: true, enums: true, carry: carry);
    }

    /// <summary>The query <see cref="SegmentStatsAsync(IReadOnlyList{string}, CancellationToken)"/> runs.</summary>
    internal string AllSegmentStatsSql(IReadOnlyList<string> segmentColumns) =>
        EngineSql.AllSegmentStats(Dialect, StatsSource(segmentColumns), segmentColumns);

    /// <summary>
    /// (Re)creates <see cref="SegmentsTable"/> as the view of features ⋈ assignments, replacing a table of that name. The
    /// measures the assignments carry for the statistics come from the features.
    /// </summary>
    internal void CreateSegmentsView()
    {
        DropRelation(SegmentsTable);
        Execute($"CREATE VIEW {SegmentsTable} AS {SegmentsViewSql(FeaturesTable, AssignmentsTable, TableColumns(AssignmentsTable))}");
    }

    /// <summary>
    /// The relation to compute segment statistics of <paramref name="segmentColumns"/> from: the assignments table when
    /// <see cref="SegmentsTable"/> is its view and it carries the measures and those columns (no join), else <see cref="SegmentsTable"/>.
    /// </summary>
    private string StatsSource(IEnumerable<string> segmentColumns)
    {
        if (SegmentsViewSource(connection) is not { } view || !view.Contains(AssignmentsTable, StringComparison.Ordinal)) return SegmentsTable;
        var columns = TableColumns(AssignmentsTable);
        return EngineSql.StatsMeasures.Concat(segmentColumns).All(columns.Contains) ? AssignmentsTable : SegmentsTable;
    }

    /// <summary>
    /// The per-customer rows as features ⋈ assignments: every feature column, then the derived columns. The measures
    /// the assignments carry for the statistics (<paramref name="assignmentColumns"/> ∩ <see cref="EngineSql.StatsMeasures"/>)
    /// come from the features.
    /// </summary>
    internal static string SegmentsViewSql(string features, string assignments, IEnumerable<string> assignmentColumns)
    {
        var excluded = assignmentColumns.Intersect(EngineSql.StatsMeasures, StringComparer.Ordinal).Select(DuckDbDialect.Instance.QuoteIdentifier);
        return $"SELECT f.*, a.* EXCLUDE ({string.Join(", ", excluded.Prepend("customer_id"))}) FROM {features} AS f JOIN {assignments} AS a ON a.customer_id = f.customer_id";
    }

    /// <summary>Whether <see cref="SegmentsTable"/> is the view over <see cref="AssignmentsTable"/> (else a table, or absent).</summary>
    internal bool SegmentsIsView() => RelationType(SegmentsTable) == "VIEW" && TableExists(AssignmentsTable);

    /// <summary>Drops a table or view of that name, if any.</summary>
    public void DropRelation(string name)
    {
        switch (RelationType(name))
        {
            case "VIEW":
                Execute($"DROP VIEW {Dialect.QuoteIdentifier(name)}");
                break;
            case null:
                break;
            default:
                Execute($"DROP TABLE {Dialect.QuoteIdentifier(name)}");
                break;
        }
    }

    private string? RelationType(string name)
    {
        using var reader = Query($"SELECT table_type FROM information_schema.tables WHERE table_name = {Dialect.StringLiteral(name)} AND table_schema = current_schema()");
        return reader.Read() ? reader.GetString(0) : null;
    }

    /// <summary>Every segment column's statistics in one grouped pass (GROUPING SETS) over the segment table.</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<SegmentStats>>> SegmentStatsAsync(IReadOnlyList<string> segmentColumns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segmentColumns);
        var columns = segmentColumns.Distinct(StringComparer.Ordinal).ToList();
        var lists = columns.ToDictionary(c => c, _ => new List<SegmentStats>(), StringComparer.Ordinal);
        if (columns.Count > 0)
        {
            using var reader = Query(AllSegmentStatsSql(columns));
            while (reader.Read())
            {
                var set = reader.GetInt32(0);
                lists[columns[set]].Add(new SegmentStats(
                    reader.IsDBNull(1) ? "" : reader.GetString(1), reader.GetInt64(2),
                    reader.IsDBNull(3) ? 0m : reader.GetDecimal(3),
                    MeanOrZero(reader, 4), MeanOrZero(reader, 5), MeanOrZero(reader, 6)));
            }
        }
        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<SegmentStats>>>(
            lists.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<SegmentStats>)[.. kv.Value.OrderBy(s => s.Segment, StringComparer.Ordinal)], StringComparer.Ordinal));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SegmentStats>> SegmentStatsAsync(string segmentColumn, CancellationToken cancellationToken)
    {
        var list = new List<SegmentStats>();
        using var reader = Query(EngineSql.SegmentStats(Dialect, SegmentsTable, segmentColumn));
        while (reader.Read())
        {
            list.Add(new SegmentStats(
                reader.IsDBNull(0) ? "" : reader.GetString(0), reader.GetInt64(1),
                reader.IsDBNull(2) ? 0m : reader.GetDecimal(2),
                MeanOrZero(reader, 3), MeanOrZero(reader, 4), MeanOrZero(reader, 5)));
        }
        return Task.FromResult<IReadOnlyList<SegmentStats>>(list);
    }

    /// <summary>
    /// A segment's mean of a measure; 0 when none of its customers has one (prospects have no recency), as for a segment
    /// without customers.
    /// </summary>
    private static double MeanOrZero(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : reader.GetDouble(ordinal);

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

    /// <summary>Each column of a table with its value kind.</summary>
    internal IReadOnlyDictionary<string, ColumnKind> ColumnKinds(string table)
    {
        var columns = new Dictionary<string, ColumnKind>(StringComparer.Ordinal);
        using var reader = Query($"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = {Dialect.StringLiteral(table)} ORDER BY ordinal_position");
        while (reader.Read()) columns[reader.GetString(0)] = Sql.ColumnKinds.FromTypeName(reader.GetString(1));
        return columns;
    }

    private static readonly HashSet<string> CoreTransactionColumns = new(StringComparer.Ordinal)
    {
        "src_row", "customer_id", "order_date", "amount", "order_id", "product_id", "quantity", "cost", "category", "discount",
    };

    /// <summary>Whether a transactions column is an attribute (region, industry …) rather than one of the fixed columns.</summary>
    internal static bool IsTransactionAttribute(string column) => !CoreTransactionColumns.Contains(column);

    /// <summary>Runs <paramref name="action"/> with <c>preserve_insertion_order = false</c>, restoring the setting afterwards.</summary>
    internal void WithoutInsertionOrder(Action action)
    {
        bool keep;
        using (var reader = Query("SELECT current_setting('preserve_insertion_order')"))
        {
            reader.Read();
            keep = reader.GetBoolean(0);
        }

        if (keep) Execute("SET preserve_insertion_order = false");
        try
        {
            action();
        }
        finally
        {
            if (keep) Execute("SET preserve_insertion_order = true");
        }
    }

    internal void Execute(string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        SqlTrace.Time(sql, cmd.ExecuteNonQuery);
    }

    internal DbDataReader Query(string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return SqlTrace.Time(sql, cmd.ExecuteReader);
    }

    private static DateOnly? GetDate(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);
}
