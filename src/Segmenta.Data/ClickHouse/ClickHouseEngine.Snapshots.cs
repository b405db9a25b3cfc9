using Segmenta.Data.Snapshots;
using Segmenta.Data.Sql;

namespace Segmenta.Data.ClickHouse;

public sealed partial class ClickHouseEngine
{
    private ServerSnapshotStore? _snapshots;

    /// <inheritdoc />
    public ServerSnapshotStore Snapshots => _snapshots ??= new ServerSnapshotStore(new SnapshotBackend(this));

    /// <summary>Creates a snapshot store with a test hook run before the header is written.</summary>
    internal ServerSnapshotStore SnapshotsWith(Func<Task> beforeHeader) => new(new SnapshotBackend(this)) { BeforeHeader = beforeHeader };

    /// <summary>
    /// Snapshots in the engine's database: the header table is a MergeTree table on the first shard's node; per-customer
    /// tables are sharded like the run's tables (local MergeTree on every shard, written there from the shard's own
    /// rows, under a Distributed table). No transactions: data first, header last (see <see cref="ServerSnapshotStore"/>).
    /// </summary>
    private sealed class SnapshotBackend(ClickHouseEngine engine) : ISnapshotBackend
    {
        public SqlDialect Dialect => ClickHouseEngine.Dialect;

        public string EngineName => Dialect.Name;

        /// <summary>How long <see cref="DeleteMetaRowsAsync"/> waits for its mutation (a header table holds a few rows).</summary>
        private static readonly TimeSpan MutationTimeout = TimeSpan.FromSeconds(60);

        public bool Transactional => false;

        public string FullJoin => "ALL FULL OUTER JOIN";

        public string MetaTable(string name) => engine.Dist(name);

        public string Table(string name) => engine.Dist(name);

        public Task EnsureMetaTableAsync(string name, IReadOnlyList<(string Name, SqlType Type)> columns, CancellationToken cancellationToken) =>
            ExecuteAsync($"CREATE TABLE IF NOT EXISTS {engine.Dist(name)} ({string.Join(", ", columns.Select(c => Dialect.QuoteIdentifier(c.Name) + " " + Dialect.TypeName(c.Type)))}) ENGINE = MergeTree() ORDER BY {columns[0].Name}", cancellationToken);

        public Task ExecuteAsync(string sql, CancellationToken cancellationToken) =>
            engine.Guard(() => engine.First.ExecuteAsync(sql, Settings, cancellationToken));

        public Task<List<string?[]>> RowsAsync(string sql, CancellationToken cancellationToken) =>
            engine.Guard(() => engine.First.RowsAsync(sql, Settings, cancellationToken));

        public async Task<List<string?[]>> RowsPerShardAsync(Func<Func<string, string>, string> sql, CancellationToken cancellationToken)
        {
            var text = sql(engine.Local);
            var parts = await engine.Guard(() => Task.WhenAll(engine._nodes.Select(n => n.RowsAsync(text, Settings, cancellationToken)))).ConfigureAwait(false);
            return [.. parts.SelectMany(p => p)];
        }

        public Task CreatePerCustomerAsync(string name, Func<Func<string, string>, string> select, CancellationToken cancellationToken) =>
            engine.CreateShardedAsync(name, "ENGINE = MergeTree() ORDER BY customer_id AS " + select(engine.Local), cancellationToken);

        public Task InsertPerCustomerAsync(string name, Func<Func<string, string>, string> select, CancellationToken cancellationToken) =>
            engine.OnEachNodeAsync(n => n.ExecuteAsync($"INSERT INTO {engine.Local(name)} {select(engine.Local)}", Settings, cancellationToken));

        public Task DropPerCustomerAsync(string name, CancellationToken cancellationToken) => engine.DropTableAsync(name, cancellationToken);

        /// <summary>
        /// <c>ALTER TABLE … DELETE</c> is an asynchronous mutation on ClickHouse 18 (no <c>mutations_sync</c>): wait until the
        /// table has no unfinished mutation, so the rows are gone when this returns.
        /// </summary>
        public async Task DeleteMetaRowsAsync(string name, string where, CancellationToken cancellationToken)
        {
            await ExecuteAsync($"ALTER TABLE {engine.Dist(name)} DELETE WHERE {where}", cancellationToken).ConfigureAwait(false);
            var pending = $"SELECT count() FROM system.mutations WHERE database = {Dialect.StringLiteral(engine._source.Database)} AND table = {Dialect.StringLiteral(name)} AND is_done = 0";
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while ((await RowsAsync(pending, cancellationToken).ConfigureAwait(false))[0][0] != "0")
            {
                if (waited.Elapsed > MutationTimeout)
                    throw new TimeoutException($"ClickHouse did not finish deleting from {name} within {MutationTimeout.TotalSeconds:0} s (see system.mutations on {engine.First.HostPort}).");
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task<IReadOnlyList<string>> ColumnsAsync(string name, CancellationToken cancellationToken) =>
            [.. (await engine.ColumnKindsAsync(name, cancellationToken).ConfigureAwait(false)).Keys];

        public async Task<IReadOnlyList<string>> TablesAsync(string prefix, CancellationToken cancellationToken)
        {
            // Every node: a save killed while creating a table may have left it on some shards only.
            var sql = $"SELECT name FROM system.tables WHERE database = {Dialect.StringLiteral(engine._source.Database)} AND startsWith(name, {Dialect.StringLiteral(prefix)})";
            var parts = await engine.Guard(() => Task.WhenAll(engine._nodes.Select(n => n.RowsAsync(sql, "", cancellationToken)))).ConfigureAwait(false);
            return [.. parts.SelectMany(p => p).Select(r => r[0]!).Select(n => n.EndsWith("_local", StringComparison.Ordinal) ? n[..^"_local".Length] : n).Distinct(StringComparer.Ordinal)];
        }

        public Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken) => work();

        // halfMD5 is the first 8 bytes of MD5 as a big-endian UInt64: its top 32 bits are the first 4 bytes.
        public string Hash32(string textExpr) => $"bitShiftRight(halfMD5({textExpr}), 32)";

        public string TextOrEmpty(string expr) => $"ifNull(toString({expr}), '')";

        public string Concat(params string[] parts) => "concat(" + string.Join(", ", parts) + ")";
    }
}
