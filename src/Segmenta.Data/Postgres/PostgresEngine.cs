using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Npgsql;
using NpgsqlTypes;
using Segmenta.Core;
using Segmenta.Core.Ingest;
using Segmenta.Core.Numerics;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Schemes;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Engines;
using Segmenta.Data.Sql;

namespace Segmenta.Data.Postgres;

/// <summary>
/// The PostgreSQL engine: the same feature, histogram, plan and statistics SQL as DuckDB, emitted in PostgreSQL's
/// dialect and run inside the server on tables of one schema (default <c>segmenta</c>). Files are parsed by the
/// DuckDB importer and bulk-copied in with binary COPY; an existing table or view can be used instead. Only
/// histograms and per-segment aggregates come back, plus the per-customer table when it is exported.
/// </summary>
public sealed partial class PostgresEngine : IServerEngine, IServerFeatureHost
{
    private static readonly SqlDialect Dialect = PostgresDialect.Instance;
    private readonly PostgresSource _source;
    private NpgsqlConnection? _connection;

    /// <summary>Creates the engine; call <see cref="OpenAsync"/> before anything else.</summary>
    public PostgresEngine(PostgresSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    /// <inheritdoc />
    public string Name => Dialect.Name;

    /// <inheritdoc />
    public string Description => $"postgres {_source.Address} schema {_source.Schema}";

    private string T(string table) => Dialect.QuoteIdentifier(_source.Schema) + "." + Dialect.QuoteIdentifier(table);

    private NpgsqlConnection Connection => _connection ?? throw new InvalidOperationException("Call OpenAsync first.");

    /// <inheritdoc />
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_source.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw Unavailable(ex);
        }
        _connection = connection;
        await ExecuteAsync($"CREATE SCHEMA IF NOT EXISTS {Dialect.QuoteIdentifier(_source.Schema)}", cancellationToken).ConfigureAwait(false);
    }

    private EngineUnavailableException Unavailable(Exception ex) => new(
        _source.Address,
        $"PostgreSQL server {_source.Address} is unreachable ({ex.GetBaseException().Message}). Start it or correct --source. Nothing was written. / 无法连接 PostgreSQL 服务器 {_source.Address}，请启动服务器或检查 --source；未写出任何结果。",
        ex);

    /// <inheritdoc />
    public async Task CopyFromDuckDbAsync(DuckDBConnection source, string table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var columns = EngineColumn.OfDuckDbTable(source, table);
        await DropRelationAsync(table, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync($"CREATE UNLOGGED TABLE {T(table)} ({string.Join(", ", columns.Select(c => Dialect.QuoteIdentifier(c.Name) + " " + PgType(c)))})", cancellationToken).ConfigureAwait(false);
        var names = string.Join(", ", columns.Select(c => Dialect.QuoteIdentifier(c.Name)));
        var types = columns.Select(c => NpgType(c.Kind)).ToArray();
        await Guard(async () =>
        {
            await using var writer = await Connection.BeginBinaryImportAsync($"COPY {T(table)} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
            using var cmd = source.CreateCommand();
            cmd.CommandText = $"SELECT {names} FROM {DuckDbDialect.Instance.QuoteIdentifier(table)}";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                writer.StartRow();
                for (var i = 0; i < types.Length; i++)
                {
                    if (reader.IsDBNull(i)) writer.WriteNull();
                    else writer.Write(Read(reader, i, columns[i].Kind), types[i]);
                }
            }
            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private static object Read(DbDataReader reader, int i, ColumnKind kind) => kind switch
    {
        ColumnKind.Integer => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture),
        ColumnKind.Decimal => reader.GetDecimal(i),
        ColumnKind.Double => reader.GetDouble(i),
        ColumnKind.Date => reader.GetFieldValue<DateOnly>(i),
        ColumnKind.Boolean => reader.GetBoolean(i),
        _ => reader.GetString(i),
    };

    private static string PgType(EngineColumn c) => c.Kind switch
    {
        ColumnKind.Integer => "BIGINT",
        ColumnKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"NUMERIC({c.Precision},{c.Scale})"),
        ColumnKind.Double => "DOUBLE PRECISION",
        ColumnKind.Date => "DATE",
        ColumnKind.Boolean => "BOOLEAN",
        _ => "TEXT",
    };

    private static NpgsqlDbType NpgType(ColumnKind kind) => kind switch
    {
        ColumnKind.Integer => NpgsqlDbType.Bigint,
        ColumnKind.Decimal => NpgsqlDbType.Numeric,
        ColumnKind.Double => NpgsqlDbType.Double,
        ColumnKind.Date => NpgsqlDbType.Date,
        ColumnKind.Boolean => NpgsqlDbType.Boolean,
        _ => NpgsqlDbType.Text,
    };

    /// <inheritdoc />
    public Task DropTableAsync(string table, CancellationToken cancellationToken) => DropRelationAsync(table, cancellationToken);

    /// <inheritdoc />
    public async Task<LoadReport> UseTableAsync(string table, IReadOnlyDictionary<string, string> columnMap, CancellationToken cancellationToken)
    {
        var quoted = SourceTable.Quote(Dialect, table);
        var columns = new List<(string, ColumnKind)>();
        await using (var cmd = Command("SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = to_regclass(@t) AND attnum > 0 AND NOT attisdropped ORDER BY attnum"))
        {
            cmd.Parameters.AddWithValue("t", quoted);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                columns.Add((reader.GetString(0), ColumnKinds.FromTypeName(StripTypmod(reader.GetString(1)))));
        }
        var source = new SourceTable(table, columns, columnMap);
        await DropRelationAsync(DuckDbEngine.TransactionsTable, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync($"CREATE VIEW {T(DuckDbEngine.TransactionsTable)} AS {source.Select(Dialect, quoted)}", cancellationToken).ConfigureAwait(false);
        var counts = await RowAsync(source.CountSql(Dialect, quoted), cancellationToken).ConfigureAwait(false);
        return source.Report(Long(counts[0]), Long(counts[1]), Long(counts[2]), Long(counts[3]));
    }

    private static string StripTypmod(string type) => type.Contains('(', StringComparison.Ordinal) && !type.StartsWith("numeric", StringComparison.Ordinal) ? type[..type.IndexOf('(', StringComparison.Ordinal)] : type;

    /// <inheritdoc />
    public Task<FeatureBuildResult> BuildFeaturesAsync(DateOnly? asOf, CancellationToken cancellationToken) =>
        BuildFeaturesAsync(asOf, new ProfitabilityOptions(), cancellationToken);

    /// <inheritdoc />
    public Task<FeatureBuildResult> BuildFeaturesAsync(DateOnly? asOf, ProfitabilityOptions profitability, CancellationToken cancellationToken) =>
        ServerFeatures.BuildAsync(this, asOf, profitability, cancellationToken);

    SqlDialect IServerFeatureHost.Dialect => Dialect;

    string IServerFeatureHost.Location => "PostgreSQL schema";

    string IServerFeatureHost.Population(string table) => T(table);

    string IServerFeatureHost.PerShard(string table) => T(table);

    Task<Dictionary<string, ColumnKind>> IServerFeatureHost.ColumnKindsAsync(string table, CancellationToken cancellationToken) => ColumnKindsAsync(table, cancellationToken);

    Task<object?[]> IServerFeatureHost.RowAsync(string sql, CancellationToken cancellationToken) => RowAsync(sql, cancellationToken);

    async Task IServerFeatureHost.CreateFeaturesAsync(string select, CancellationToken cancellationToken)
    {
        await DropRelationAsync(DuckDbEngine.FeaturesTable, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync($"CREATE UNLOGGED TABLE {T(DuckDbEngine.FeaturesTable)} AS {select}", cancellationToken).ConfigureAwait(false);
    }

    Task IServerFeatureHost.ReplaceFeaturesAsync(string select, CancellationToken cancellationToken) => ReplaceFeaturesAsync(select, cancellationToken);

    /// <summary>Replaces the feature table with the result of <paramref name="select"/> (which may read the feature table).</summary>
    private async Task ReplaceFeaturesAsync(string select, CancellationToken cancellationToken)
    {
        const string rebuilt = "customer_features_next";
        await DropRelationAsync(rebuilt, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync($"CREATE UNLOGGED TABLE {T(rebuilt)} AS {select}", cancellationToken).ConfigureAwait(false);
        await DropRelationAsync(DuckDbEngine.FeaturesTable, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync($"ALTER TABLE {T(rebuilt)} RENAME TO {Dialect.QuoteIdentifier(DuckDbEngine.FeaturesTable)}", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, Core.Schemes.Rules.FeatureType>> FeatureTypesAsync(CancellationToken cancellationToken)
    {
        var kinds = await ColumnKindsAsync(DuckDbEngine.FeaturesTable, cancellationToken).ConfigureAwait(false);
        return kinds.ToDictionary(k => k.Key, k => ColumnKinds.ToFeatureType(k.Value), StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public async Task<ValueHistogram> HistogramAsync(string column, CancellationToken cancellationToken)
    {
        var kinds = await ColumnKindsAsync(DuckDbEngine.FeaturesTable, cancellationToken).ConfigureAwait(false);
        if (!kinds.TryGetValue(column, out var kind))
            throw new SegmentaInputException($"Unknown feature \"{column}\". Features: {string.Join(", ", kinds.Keys)}.");
        var values = new List<decimal>();
        var counts = new List<long>();
        await using (var cmd = Command(EngineSql.Histogram(Dialect, T(DuckDbEngine.FeaturesTable), column, kind)))
        await using (var reader = await ReaderAsync(cmd, cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                values.Add(kind == ColumnKind.Double ? EngineSql.HistogramValue(reader.GetDouble(0)) : reader.GetDecimal(0));
                counts.Add(reader.GetInt64(1));
            }
        }
        var nulls = await RowAsync(EngineSql.NullCount(Dialect, T(DuckDbEngine.FeaturesTable), column), cancellationToken).ConfigureAwait(false);
        return EngineSql.HistogramOf(values, counts, Long(nulls[0]));
    }

    /// <inheritdoc />
    public async Task<CustomerHistories> ReadHistoriesAsync(CancellationToken cancellationToken)
    {
        var profit = (await ColumnKindsAsync(DuckDbEngine.FeaturesTable, cancellationToken).ConfigureAwait(false)).ContainsKey(Core.Customers.FeatureNames.GrossMargin);
        var rows = new HistoryRows(profit);
        await ReadEachAsync(HistoryRows.Select(Dialect, T(DuckDbEngine.FeaturesTable), profit), rows.Add, cancellationToken).ConfigureAwait(false);
        return rows.ToHistories();
    }

    /// <inheritdoc />
    public async Task AddFeatureColumnsAsync(IReadOnlyList<string> customerIds, IReadOnlyList<(string Name, double[] Values)> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(columns);
        const string staging = "customer_added_features";
        var names = columns.Select(c => Dialect.QuoteIdentifier(c.Name)).ToList();
        await DropRelationAsync(staging, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync($"CREATE UNLOGGED TABLE {T(staging)} (customer_id TEXT, {string.Join(", ", names.Select(n => n + " DOUBLE PRECISION"))})", cancellationToken).ConfigureAwait(false);
        await Guard(async () =>
        {
            await using var writer = await Connection.BeginBinaryImportAsync($"COPY {T(staging)} (customer_id, {string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < customerIds.Count; i++)
            {
                writer.StartRow();
                writer.Write(customerIds[i], NpgsqlDbType.Text);
                foreach (var (_, values) in columns)
                {
                    if (double.IsFinite(values[i])) writer.Write(values[i], NpgsqlDbType.Double);
                    else writer.WriteNull();
                }
            }
            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        await ReplaceFeaturesAsync($"SELECT f.*, {string.Join(", ", names.Select(n => "a." + n))} FROM {T(DuckDbEngine.FeaturesTable)} AS f LEFT JOIN {T(staging)} AS a ON a.customer_id = f.customer_id", cancellationToken).ConfigureAwait(false);
        await DropRelationAsync(staging, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ApplyPlansAsync(IReadOnlyList<SchemePlan> plans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var kinds = await ColumnKindsAsync(DuckDbEngine.FeaturesTable, cancellationToken).ConfigureAwait(false);
        var sql = EngineSql.Plans(Dialect, plans, kinds, T(DuckDbEngine.FeaturesTable));
        await DropRelationAsync(DuckDbEngine.SegmentsTable, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync($"CREATE UNLOGGED TABLE {T(DuckDbEngine.SegmentsTable)} AS {sql}", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SegmentStats>> SegmentStatsAsync(string segmentColumn, CancellationToken cancellationToken)
    {
        var list = new List<SegmentStats>();
        await using var cmd = Command(EngineSql.SegmentStats(Dialect, T(DuckDbEngine.SegmentsTable), segmentColumn));
        await using var reader = await ReaderAsync(cmd, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new SegmentStats(
                reader.IsDBNull(0) ? "" : reader.GetString(0), reader.GetInt64(1),
                reader.IsDBNull(2) ? 0m : reader.GetDecimal(2),
                reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5)));
        }
        return list;
    }

    /// <inheritdoc />
    public async Task CopySegmentsToDuckDbAsync(DuckDBConnection target, string table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var columns = new List<EngineColumn>();
        await using (var cmd = Command("SELECT column_name, data_type, numeric_precision, numeric_scale FROM information_schema.columns WHERE table_schema = @s AND table_name = @t ORDER BY ordinal_position"))
        {
            cmd.Parameters.AddWithValue("s", _source.Schema);
            cmd.Parameters.AddWithValue("t", DuckDbEngine.SegmentsTable);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var kind = ColumnKinds.FromTypeName(reader.GetString(1));
                // A NUMERIC without a declared scale (e.g. a rule's decimal arithmetic) is exported with 10 decimals.
                columns.Add(kind == ColumnKind.Decimal
                    ? new EngineColumn(reader.GetString(0), kind, reader.IsDBNull(2) ? 38 : reader.GetInt32(2), reader.IsDBNull(3) ? 10 : reader.GetInt32(3))
                    : new EngineColumn(reader.GetString(0), kind));
            }
        }
        using var sink = new DuckDbRowSink(target, table, columns);
        await using var select = Command($"SELECT * FROM {T(DuckDbEngine.SegmentsTable)}");
        await using var rows = await ReaderAsync(select, cancellationToken).ConfigureAwait(false);
        var values = new object?[columns.Count];
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < values.Length; i++)
                values[i] = rows.IsDBNull(i) ? null : Read(rows, i, columns[i].Kind);
            sink.Add(values);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync().ConfigureAwait(false);
        _connection = null;
    }

    private async Task<Dictionary<string, ColumnKind>> ColumnKindsAsync(string table, CancellationToken cancellationToken)
    {
        var columns = new Dictionary<string, ColumnKind>(StringComparer.Ordinal);
        await using var cmd = Command("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = @s AND table_name = @t ORDER BY ordinal_position");
        cmd.Parameters.AddWithValue("s", _source.Schema);
        cmd.Parameters.AddWithValue("t", table);
        await using var reader = await ReaderAsync(cmd, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            columns[reader.GetString(0)] = ColumnKinds.FromTypeName(reader.GetString(1));
        return columns;
    }

    private async Task DropRelationAsync(string table, CancellationToken cancellationToken)
    {
        await using var cmd = Command("SELECT c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = @s AND c.relname = @t");
        cmd.Parameters.AddWithValue("s", _source.Schema);
        cmd.Parameters.AddWithValue("t", table);
        var kind = await Guard(() => cmd.ExecuteScalarAsync(cancellationToken)).ConfigureAwait(false);
        if (kind is char c)
            await ExecuteAsync($"DROP {(c == 'v' ? "VIEW" : "TABLE")} {T(table)}", cancellationToken).ConfigureAwait(false);
    }

    private NpgsqlCommand Command(string sql) => new(sql, Connection) { CommandTimeout = 0 };

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var cmd = Command(sql);
        await Guard(() => cmd.ExecuteNonQueryAsync(cancellationToken)).ConfigureAwait(false);
    }

    private Task<NpgsqlDataReader> ReaderAsync(NpgsqlCommand cmd, CancellationToken cancellationToken) =>
        Guard(() => cmd.ExecuteReaderAsync(cancellationToken));

    private async Task<object?[]> RowAsync(string sql, CancellationToken cancellationToken)
    {
        await using var cmd = Command(sql);
        await using var reader = await ReaderAsync(cmd, cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var row = new object?[reader.FieldCount];
        for (var i = 0; i < row.Length; i++)
            row[i] = reader.IsDBNull(i) ? null : reader.GetFieldType(i) == typeof(DateTime) ? reader.GetFieldValue<DateOnly>(i) : reader.GetValue(i);
        return row;
    }

    private static long Long(object? value) => value is null ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    /// <summary>Runs a server call; a lost connection becomes <see cref="EngineUnavailableException"/>.</summary>
    private async Task<TResult> Guard<TResult>(Func<Task<TResult>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (NpgsqlException ex) when (ex is not PostgresException && ex.IsTransient)
        {
            throw Unavailable(ex);
        }
    }

    private Task<bool> Guard(Func<Task> call) => Guard(async () =>
    {
        await call().ConfigureAwait(false);
        return true;
    });
}
