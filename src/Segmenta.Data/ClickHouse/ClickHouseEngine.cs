using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Core.Ingest;
using Segmenta.Core.Numerics;
using Segmenta.Core.Pipelines;
using Segmenta.Core.Schemes;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Engines;
using Segmenta.Data.Sql;

namespace Segmenta.Data.ClickHouse;

/// <summary>
/// The ClickHouse engine for a sharded cluster. Every table is a MergeTree table on each shard
/// (<c>name_local</c>) under a Distributed table (<c>name</c>) sharded by <c>cityHash64(customer_id)</c>, so all of a
/// customer's rows live on one shard. Per-customer work (features, scheme assignment) runs on each shard against
/// its own local tables, in parallel, and nothing per customer crosses the network; population questions
/// (histograms, segment statistics, the as-of probe) go through the Distributed table, each shard answering with a
/// partial aggregate. Talks HTTP (the recipe for ClickHouse 18.16).
/// </summary>
public sealed partial class ClickHouseEngine : IServerEngine, IServerFeatureHost
{
    private const string Settings = "join_use_nulls=1";
    private const string InsertSettings = "insert_distributed_sync=1";

    /// <summary>ClickHouse's MEMORY_LIMIT_EXCEEDED error code.</summary>
    private const int MemoryLimitExceeded = 241;
    private const int InsertChunkBytes = 64 << 20;
    private static readonly SqlDialect Dialect = ClickHouseDialect.Instance;

    private readonly ClickHouseSource _source;
    private readonly HttpClient _http;
    private readonly List<ClickHouseNode> _nodes;
    private readonly Dictionary<string, int> _shardByTcpAddress = new(StringComparer.Ordinal);
    private string _cluster = "";

    /// <summary>Creates the engine; call <see cref="OpenAsync"/> before anything else.</summary>
    public ClickHouseEngine(ClickHouseSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _nodes = [.. source.Nodes.Select((uri, i) => new ClickHouseNode(uri, i + 1, _http))];
    }

    /// <inheritdoc />
    public string Name => Dialect.Name;

    /// <inheritdoc />
    public string Description => $"clickhouse cluster {_cluster} ({string.Join(", ", _nodes.Select(n => n.HostPort))}) database {_source.Database}";

    private ClickHouseNode First => _nodes[0];

    private string Db => Dialect.QuoteIdentifier(_source.Database);

    private string Dist(string table) => Db + "." + Dialect.QuoteIdentifier(table);

    private string Local(string table) => Db + "." + Dialect.QuoteIdentifier(table + "_local");

    /// <inheritdoc />
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        var pings = await Task.WhenAll(_nodes.Select(n => n.PingAsync(cancellationToken))).ConfigureAwait(false);
        for (var i = 0; i < _nodes.Count; i++)
        {
            if (!pings[i].Ok) throw ShardDown(_nodes[i].Shard, _nodes[i].HostPort, pings[i].Error, null);
        }
        var clusters = await Guard(() => First.RowsAsync("SELECT cluster, shard_num, host_address, port FROM system.clusters ORDER BY cluster, shard_num", "", cancellationToken)).ConfigureAwait(false);
        var names = clusters.Select(r => r[0]!).Distinct(StringComparer.Ordinal).ToList();
        _cluster = _source.Cluster ?? (names.Count == 1 ? names[0]
            : throw new SegmentaInputException($"--source: the server defines clusters {string.Join(", ", names)}; pick one with ?cluster=NAME."));
        var shards = clusters.Where(r => r[0] == _cluster).ToList();
        if (shards.Count == 0)
            throw new SegmentaInputException($"--source: cluster \"{_cluster}\" is not defined on {First.HostPort} (clusters: {string.Join(", ", names)}).");
        var shardCount = shards.Select(r => r[1]).Distinct(StringComparer.Ordinal).Count();
        if (shardCount != _nodes.Count)
            throw new SegmentaInputException($"--source: cluster \"{_cluster}\" has {shardCount} shards but --source lists {_nodes.Count} HTTP addresses; list one per shard, in shard order.");
        foreach (var r in shards) _shardByTcpAddress[$"{r[2]}:{r[3]}"] = int.Parse(r[1]!, CultureInfo.InvariantCulture);
        await SetSpillThresholdsAsync(cancellationToken).ConfigureAwait(false);
        await OnEachNodeAsync(n => n.ExecuteAsync($"CREATE DATABASE IF NOT EXISTS {Db}", "", cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Lets the per-customer GROUP BYs and sorts spill to disk instead of failing when they outgrow the server's
    /// per-query memory limit (xlarge on two 4 GB shards hit "Memory limit (for query) exceeded", code 241). The
    /// thresholds are half of <c>max_memory_usage</c>, as ClickHouse's documentation advises ("GROUP BY in external
    /// memory": the merge phase may need as much memory again), and the initiator merges remote aggregation states
    /// bucket by bucket (<c>distributed_aggregation_memory_efficient</c>). Nothing is set when the limit is 0 (none).
    /// </summary>
    private async Task SetSpillThresholdsAsync(CancellationToken cancellationToken)
    {
        var rows = await Guard(() => First.RowsAsync("SELECT value FROM system.settings WHERE name = 'max_memory_usage'", "", cancellationToken)).ConfigureAwait(false);
        MaxMemoryUsage = rows.Count == 1 && long.TryParse(rows[0][0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) ? limit : 0;
        if (MaxMemoryUsage <= 0) return;
        var half = (MaxMemoryUsage / 2).ToString(CultureInfo.InvariantCulture);
        foreach (var n in _nodes)
            n.SessionSettings = $"max_bytes_before_external_group_by={half}&max_bytes_before_external_sort={half}&distributed_aggregation_memory_efficient=1";
    }

    /// <summary>The server's per-query memory limit in bytes as read at connect (0: none).</summary>
    internal long MaxMemoryUsage { get; private set; }

    /// <summary>Runs a read-only query on the first node with the session's settings and this engine's error mapping (tests).</summary>
    internal Task<List<string?[]>> QueryFirstNodeAsync(string sql, string settings, CancellationToken cancellationToken) =>
        Guard(() => First.RowsAsync(sql, settings, cancellationToken));

    private EngineUnavailableException ShardDown(int shard, string address, string reason, Exception? inner) => new(
        address,
        $"ClickHouse shard {shard} of {_nodes.Count} ({address}) is unreachable: {reason}. Start it or correct --source; nothing was written. / " +
        $"ClickHouse 第 {shard} 个分片（{address}）无法连接，请启动该分片或检查 --source；未写出任何结果。",
        inner);

    /// <inheritdoc />
    public async Task CopyFromDuckDbAsync(DuckDBConnection source, string table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var columns = EngineColumn.OfDuckDbTable(source, table);
        var ddl = string.Join(", ", columns.Select(c => Dialect.QuoteIdentifier(c.Name) + " " + ChType(c)));
        await CreateShardedAsync(table, $"({ddl}) ENGINE = MergeTree() ORDER BY customer_id", cancellationToken).ConfigureAwait(false);
        var names = string.Join(", ", columns.Select(c => Dialect.QuoteIdentifier(c.Name)));
        var insert = $"INSERT INTO {Dist(table)} ({names})";
        using var cmd = source.CreateCommand();
        cmd.CommandText = $"SELECT {names} FROM {DuckDbDialect.Instance.QuoteIdentifier(table)}";
        using var reader = cmd.ExecuteReader();
        var sb = new StringBuilder(1 << 20);
        var buffer = Array.Empty<byte>();
        async Task FlushAsync()
        {
            if (sb.Length == 0) return;
            var length = 0;
            foreach (var chunk in sb.GetChunks()) length += Encoding.UTF8.GetByteCount(chunk.Span);
            if (buffer.Length < length) buffer = new byte[Math.Max(length, buffer.Length * 2)];
            length = 0;
            foreach (var chunk in sb.GetChunks()) length += Encoding.UTF8.GetBytes(chunk.Span, buffer.AsSpan(length));
            await Guard(() => First.InsertAsync(insert, buffer, length, InsertSettings, cancellationToken)).ConfigureAwait(false);
            sb.Clear();
        }
        while (reader.Read())
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0) sb.Append('\t');
                Tsv.Append(sb, reader.IsDBNull(i) ? null : columns[i].Kind switch
                {
                    ColumnKind.Integer => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture),
                    ColumnKind.Decimal => reader.GetDecimal(i),
                    ColumnKind.Double => reader.GetDouble(i),
                    ColumnKind.Date => reader.GetFieldValue<DateOnly>(i),
                    ColumnKind.Boolean => reader.GetBoolean(i),
                    _ => reader.GetString(i),
                });
            }
            sb.Append('\n');
            if (sb.Length >= InsertChunkBytes / 3) await FlushAsync().ConfigureAwait(false);
        }
        await FlushAsync().ConfigureAwait(false);
    }

    private static string ChType(EngineColumn c)
    {
        var type = c.Kind switch
        {
            ColumnKind.Integer => "Int64",
            ColumnKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"Decimal({c.Precision}, {c.Scale})"),
            ColumnKind.Double => "Float64",
            ColumnKind.Date => "Date",
            ColumnKind.Boolean => "UInt8",
            _ => "String",
        };
        return c.Nullable && c.Name != "customer_id" ? $"Nullable({type})" : type;
    }

    /// <summary>Creates <c>name_local</c> on every shard (replacing it) and the Distributed <c>name</c> over them.</summary>
    private Task<bool> CreateShardedAsync(string table, string localDefinition, CancellationToken cancellationToken) =>
        OnEachNodeAsync(async n =>
        {
            await n.ExecuteAsync($"DROP TABLE IF EXISTS {Dist(table)}", Settings, cancellationToken).ConfigureAwait(false);
            await n.ExecuteAsync($"DROP TABLE IF EXISTS {Local(table)}", Settings, cancellationToken).ConfigureAwait(false);
            await n.ExecuteAsync($"CREATE {(localDefinition.StartsWith("VIEW ", StringComparison.Ordinal) ? "VIEW " + Local(table) + localDefinition[4..] : "TABLE " + Local(table) + " " + localDefinition)}", Settings, cancellationToken).ConfigureAwait(false);
            await CreateDistributedAsync(n, table, cancellationToken).ConfigureAwait(false);
        });

    private Task CreateDistributedAsync(ClickHouseNode n, string table, CancellationToken cancellationToken) =>
        n.ExecuteAsync($"CREATE TABLE {Dist(table)} AS {Local(table)} ENGINE = Distributed({_cluster}, {_source.Database}, {table}_local, cityHash64(customer_id))", Settings, cancellationToken);

    /// <inheritdoc />
    public Task DropTableAsync(string table, CancellationToken cancellationToken) => OnEachNodeAsync(async n =>
    {
        await n.ExecuteAsync($"DROP TABLE IF EXISTS {Dist(table)}", Settings, cancellationToken).ConfigureAwait(false);
        await n.ExecuteAsync($"DROP TABLE IF EXISTS {Local(table)}", Settings, cancellationToken).ConfigureAwait(false);
    });

    /// <inheritdoc />
    public async Task<LoadReport> UseTableAsync(string table, IReadOnlyDictionary<string, string> columnMap, CancellationToken cancellationToken)
    {
        var parts = table.Split('.');
        var (database, name) = parts.Length == 2 ? (parts[0], parts[1]) : ("default", table);
        var info = await Guard(() => First.RowsAsync($"SELECT engine, engine_full FROM system.tables WHERE database = {Dialect.StringLiteral(database)} AND name = {Dialect.StringLiteral(name)}", "", cancellationToken)).ConfigureAwait(false);
        if (info.Count == 0)
            throw new SegmentaInputException($"--table {table}: no such table on {First.HostPort}. Give database.table of a Distributed table sharded by customer.");
        var columnRows = await Guard(() => First.RowsAsync($"SELECT name, type FROM system.columns WHERE database = {Dialect.StringLiteral(database)} AND table = {Dialect.StringLiteral(name)}", "", cancellationToken)).ConfigureAwait(false);
        var source = new SourceTable(table, [.. columnRows.Select(r => (r[0]!, ColumnKinds.FromTypeName(r[1]!)))], columnMap);
        string localTable;
        if (info[0][0] == "Distributed")
        {
            // Distributed(cluster, database, table[, sharding_key])
            var args = DistributedArgs().Match(info[0][1] ?? "");
            if (!args.Success)
                throw new SegmentaInputException($"--table {table}: cannot read its Distributed definition ({info[0][1]}).");
            var customerColumn = source.Mapping["customer"];
            if (!args.Groups["key"].Success || !args.Groups["key"].Value.Contains(customerColumn, StringComparison.Ordinal))
                throw new SegmentaInputException($"--table {table}: it is sharded by \"{args.Groups["key"].Value}\", not by the customer column \"{customerColumn}\"; per-customer features need all of a customer's rows on one shard. Re-create it with the customer column in the sharding key.");
            localTable = Dialect.QuoteIdentifier(args.Groups["db"].Value.Trim('\'', ' ')) + "." + Dialect.QuoteIdentifier(args.Groups["table"].Value.Trim('\'', ' '));
        }
        else if (_nodes.Count == 1)
        {
            localTable = Dialect.QuoteIdentifier(database) + "." + Dialect.QuoteIdentifier(name);
        }
        else
        {
            throw new SegmentaInputException($"--table {table}: on a {_nodes.Count}-shard cluster give the Distributed table (engine {info[0][0]} holds one shard's rows).");
        }
        await CreateShardedAsync(DuckDbEngine.TransactionsTable, "VIEW AS " + source.Select(Dialect, localTable), cancellationToken).ConfigureAwait(false);
        var quoted = Dialect.QuoteIdentifier(database) + "." + Dialect.QuoteIdentifier(name);
        var counts = (await Guard(() => First.RowsAsync(source.CountSql(Dialect, quoted), Settings, cancellationToken)).ConfigureAwait(false))[0];
        return source.Report(Long(counts[0]), Long(counts[1]), Long(counts[2]), Long(counts[3]));
    }

    [GeneratedRegex(@"^Distributed\((?<cluster>[^,]+),(?<db>[^,]+),(?<table>[^,)]+)(,(?<key>.+))?\)\s*$")]
    private static partial Regex DistributedArgs();

    /// <inheritdoc />
    public Task<FeatureBuildResult> BuildFeaturesAsync(DateOnly? asOf, CancellationToken cancellationToken) =>
        BuildFeaturesAsync(asOf, new ProfitabilityOptions(), cancellationToken);

    /// <inheritdoc />
    public Task<FeatureBuildResult> BuildFeaturesAsync(DateOnly? asOf, ProfitabilityOptions profitability, CancellationToken cancellationToken) =>
        ServerFeatures.BuildAsync(this, asOf, profitability, cancellationToken);

    SqlDialect IServerFeatureHost.Dialect => Dialect;

    string IServerFeatureHost.Location => "ClickHouse database";

    string IServerFeatureHost.Population(string table) => Dist(table);

    string IServerFeatureHost.PerShard(string table) => Local(table);

    Task<Dictionary<string, ColumnKind>> IServerFeatureHost.ColumnKindsAsync(string table, CancellationToken cancellationToken) => ColumnKindsAsync(table, cancellationToken);

    async Task<object?[]> IServerFeatureHost.RowAsync(string sql, CancellationToken cancellationToken) => await RowAsync(sql, cancellationToken).ConfigureAwait(false);

    Task IServerFeatureHost.CreateFeaturesAsync(string select, CancellationToken cancellationToken) =>
        CreateShardedAsync(DuckDbEngine.FeaturesTable, "ENGINE = MergeTree() ORDER BY customer_id AS " + select, cancellationToken);

    Task IServerFeatureHost.ReplaceFeaturesAsync(string select, CancellationToken cancellationToken) => ReplaceFeaturesAsync(select, null, cancellationToken);

    /// <summary>
    /// Replaces the feature table on every shard with <paramref name="select"/> run on that shard (it may read the
    /// shard's <c>customer_features_local</c>), then drops <paramref name="staging"/> when given.
    /// </summary>
    private Task<bool> ReplaceFeaturesAsync(string select, string? staging, CancellationToken cancellationToken)
    {
        var next = Db + "." + Dialect.QuoteIdentifier("customer_features_next");
        return OnEachNodeAsync(async n =>
        {
            await n.ExecuteAsync($"DROP TABLE IF EXISTS {next}", Settings, cancellationToken).ConfigureAwait(false);
            await n.ExecuteAsync($"CREATE TABLE {next} ENGINE = MergeTree() ORDER BY customer_id AS {select}", Settings, cancellationToken).ConfigureAwait(false);
            await n.ExecuteAsync($"DROP TABLE {Dist(DuckDbEngine.FeaturesTable)}", Settings, cancellationToken).ConfigureAwait(false);
            await n.ExecuteAsync($"DROP TABLE {Local(DuckDbEngine.FeaturesTable)}", Settings, cancellationToken).ConfigureAwait(false);
            await n.ExecuteAsync($"RENAME TABLE {next} TO {Local(DuckDbEngine.FeaturesTable)}", Settings, cancellationToken).ConfigureAwait(false);
            await CreateDistributedAsync(n, DuckDbEngine.FeaturesTable, cancellationToken).ConfigureAwait(false);
            if (staging is null) return;
            await n.ExecuteAsync($"DROP TABLE {Dist(staging)}", Settings, cancellationToken).ConfigureAwait(false);
            await n.ExecuteAsync($"DROP TABLE {Local(staging)}", Settings, cancellationToken).ConfigureAwait(false);
        });
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
        var rows = await Guard(() => First.RowsAsync(EngineSql.Histogram(Dialect, Dist(DuckDbEngine.FeaturesTable), column, kind), Settings, cancellationToken)).ConfigureAwait(false);
        var nulls = await RowAsync(EngineSql.NullCount(Dialect, Dist(DuckDbEngine.FeaturesTable), column), cancellationToken).ConfigureAwait(false);
        return EngineSql.HistogramOf(
            [.. rows.Select(r => kind == ColumnKind.Double ? EngineSql.HistogramValue(Double(r[0])) : Decimal(r[0]))],
            [.. rows.Select(r => Long(r[1]))], Long(nulls[0]));
    }

    /// <inheritdoc />
    public async Task<CustomerHistories> ReadHistoriesAsync(CancellationToken cancellationToken)
    {
        var profit = (await ColumnKindsAsync(DuckDbEngine.FeaturesTable, cancellationToken).ConfigureAwait(false)).ContainsKey(Core.Customers.FeatureNames.GrossMargin);
        var rows = new HistoryRows(profit);
        await Guard(() => First.StreamAsync(HistoryRows.Select(Dialect, Dist(DuckDbEngine.FeaturesTable), profit), Settings,
            r => rows.Add(r[0]!, Long(r[1]), Long(r[2]), Long(r[3]), Nullable(r[4]), profit ? Double(r[5]) : 0, profit ? Nullable(r[6]) : null, profit ? Nullable(r[7]) : null),
            cancellationToken)).ConfigureAwait(false);
        return rows.ToHistories();
    }

    /// <inheritdoc />
    public async Task AddFeatureColumnsAsync(IReadOnlyList<string> customerIds, IReadOnlyList<(string Name, double[] Values)> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        ArgumentNullException.ThrowIfNull(columns);
        const string staging = "customer_added_features";
        var names = columns.Select(c => Dialect.QuoteIdentifier(c.Name)).ToList();
        // The doubles travel as their IEEE bits (Int64) and are reinterpreted on the server: ClickHouse 18's text parser
        // is not correctly rounded for 16–17 significant digits (1.604899041653484 reads as 1.6048990416534838), and a
        // CLV column must be the same double on every engine.
        var bits = columns.Select(c => Dialect.QuoteIdentifier("bits_" + c.Name)).ToList();
        await CreateShardedAsync(staging, $"(customer_id String, {string.Join(", ", bits.Select(b => b + " Nullable(Int64)"))}) ENGINE = MergeTree() ORDER BY customer_id", cancellationToken).ConfigureAwait(false);
        var sb = new StringBuilder();
        for (var i = 0; i < customerIds.Count; i++)
        {
            Tsv.Append(sb, customerIds[i]);
            foreach (var (_, values) in columns)
            {
                sb.Append('\t');
                Tsv.Append(sb, double.IsFinite(values[i]) ? BitConverter.DoubleToInt64Bits(values[i]) : null);
            }
            sb.Append('\n');
        }
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        await Guard(() => First.InsertAsync($"INSERT INTO {Dist(staging)} (customer_id, {string.Join(", ", bits)})", bytes, bytes.Length, InsertSettings, cancellationToken)).ConfigureAwait(false);
        // An explicit list: ClickHouse 18 keeps the right side's key as a column under SELECT * here.
        var existing = (await ColumnKindsAsync(DuckDbEngine.FeaturesTable, cancellationToken).ConfigureAwait(false)).Keys.ToList();
        var decoded = string.Join(", ", bits.Select((b, i) => $"reinterpretAsFloat64(reinterpretAsString({b})) AS {names[i]}"));
        await ReplaceFeaturesAsync($"SELECT {string.Join(", ", existing.Select(Dialect.QuoteIdentifier).Concat(names))} FROM {Local(DuckDbEngine.FeaturesTable)} {Dialect.LeftJoin} (SELECT customer_id, {decoded} FROM {Local(staging)}) AS added USING (customer_id)", staging, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ApplyPlansAsync(IReadOnlyList<SchemePlan> plans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var kinds = await ColumnKindsAsync(DuckDbEngine.FeaturesTable, cancellationToken).ConfigureAwait(false);
        var sql = EngineSql.Plans(Dialect, plans, kinds, Local(DuckDbEngine.FeaturesTable));
        await CreateShardedAsync(DuckDbEngine.SegmentsTable, "ENGINE = MergeTree() ORDER BY customer_id AS " + sql, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SegmentStats>> SegmentStatsAsync(string segmentColumn, CancellationToken cancellationToken)
    {
        var rows = await Guard(() => First.RowsAsync(EngineSql.SegmentStats(Dialect, Dist(DuckDbEngine.SegmentsTable), segmentColumn), Settings, cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new SegmentStats(r[0] ?? "", Long(r[1]), r[2] is null ? 0m : Decimal(r[2]), Double(r[3]), Double(r[4]), Double(r[5])))];
    }

    /// <inheritdoc />
    public async Task CopySegmentsToDuckDbAsync(DuckDBConnection target, string table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var rows = await Guard(() => First.RowsAsync($"SELECT name, type FROM system.columns WHERE database = {Dialect.StringLiteral(_source.Database)} AND table = {Dialect.StringLiteral(DuckDbEngine.SegmentsTable + "_local")}", "", cancellationToken)).ConfigureAwait(false);
        var columns = rows.Select(r => Column(r[0]!, r[1]!)).ToList();
        using var sink = new DuckDbRowSink(target, table, columns);
        var values = new object?[columns.Count];
        await Guard(() => First.StreamAsync($"SELECT * FROM {Dist(DuckDbEngine.SegmentsTable)}", Settings, r =>
        {
            for (var i = 0; i < values.Length; i++) values[i] = Parse(r[i], columns[i].Kind);
            sink.Add(values);
        }, cancellationToken)).ConfigureAwait(false);
    }

    private static EngineColumn Column(string name, string type)
    {
        var kind = ColumnKinds.FromTypeName(type);
        if (kind != ColumnKind.Decimal) return new EngineColumn(name, kind);
        var m = DecimalType().Match(type);
        return m.Success
            ? new EngineColumn(name, kind, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))
            : new EngineColumn(name, kind, 38, 10);
    }

    [GeneratedRegex(@"Decimal\((\d+),\s*(\d+)\)")]
    private static partial Regex DecimalType();

    private static object? Parse(string? text, ColumnKind kind) => text is null ? null : kind switch
    {
        ColumnKind.Integer => long.Parse(text, CultureInfo.InvariantCulture),
        ColumnKind.Decimal => Decimal(text),
        ColumnKind.Double => Double(text),
        ColumnKind.Date => Date(text),
        ColumnKind.Boolean => text == "1",
        _ => text,
    };

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<Dictionary<string, ColumnKind>> ColumnKindsAsync(string table, CancellationToken cancellationToken)
    {
        var rows = await Guard(() => First.RowsAsync($"SELECT name, type FROM system.columns WHERE database = {Dialect.StringLiteral(_source.Database)} AND table = {Dialect.StringLiteral(table + "_local")}", "", cancellationToken)).ConfigureAwait(false);
        return rows.ToDictionary(r => r[0]!, r => ColumnKinds.FromTypeName(r[1]!), StringComparer.Ordinal);
    }

    private async Task<string?[]> RowAsync(string sql, CancellationToken cancellationToken) =>
        (await Guard(() => First.RowsAsync(sql, Settings, cancellationToken)).ConfigureAwait(false))[0];

    private Task<bool> OnEachNodeAsync(Func<ClickHouseNode, Task> action) =>
        Guard(async () =>
        {
            await Task.WhenAll(_nodes.Select(action)).ConfigureAwait(false);
            return true;
        });

    private Task<bool> Guard(Func<Task> call) => Guard(async () =>
    {
        await call().ConfigureAwait(false);
        return true;
    });

    /// <summary>
    /// Runs cluster calls; an unreachable node, or a Distributed query that could not reach a shard (codes 209, 210,
    /// 279), becomes <see cref="EngineUnavailableException"/> naming the shard.
    /// </summary>
    private async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ClickHouseUnreachable ex)
        {
            throw ShardDown(ex.Node.Shard, ex.Node.HostPort, ex.Message, ex);
        }
        catch (ClickHouseException ex) when (ex.Code == MemoryLimitExceeded)
        {
            throw new SegmentaInputException(
                $"{ex.Message.Split(", e.what()", 2)[0]}. The ClickHouse cluster needs more memory for this step even with spilling to disk: " +
                "raise max_memory_usage (and the server's max_server_memory_usage) for the Segmenta user, or add shards; nothing was written. / " +
                "ClickHouse 内存不足（已启用落盘）：请为 Segmenta 用户调高 max_memory_usage 或增加分片；未写出任何结果。", ex);
        }
        catch (ClickHouseException ex) when (ex.Code is 209 or 210 or 279)
        {
            var address = _shardByTcpAddress.Keys.FirstOrDefault(a => ex.Message.Contains(a, StringComparison.Ordinal));
            throw address is null
                ? new EngineUnavailableException("?", $"A ClickHouse shard of cluster {_cluster} is unreachable ({ex.Message}). Start it; nothing was written.", ex)
                : ShardDown(_shardByTcpAddress[address], address, "connection failed (" + ex.Message + ")", ex);
        }
    }

    private static long Long(string? s) => s is null ? 0 : long.Parse(s, CultureInfo.InvariantCulture);

    private static decimal Decimal(string? s) => decimal.Parse(s!, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double Double(string? s) => s switch
    {
        null => double.NaN,
        "nan" or "-nan" => double.NaN,
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static double? Nullable(string? s) => s is null ? null : Double(s);

    private static DateOnly? Date(string? s) => s is null or "0000-00-00" ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
