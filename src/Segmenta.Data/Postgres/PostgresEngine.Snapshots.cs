using System.Globalization;
using Npgsql;
using Segmenta.Data.Snapshots;
using Segmenta.Data.Sql;

namespace Segmenta.Data.Postgres;

public sealed partial class PostgresEngine
{
    private ServerSnapshotStore? _snapshots;

    /// <inheritdoc />
    public ServerSnapshotStore Snapshots => _snapshots ??= new ServerSnapshotStore(new SnapshotBackend(this));

    /// <summary>Creates a snapshot store with a test hook run before the header is written.</summary>
    internal ServerSnapshotStore SnapshotsWith(Func<Task> beforeHeader) => new(new SnapshotBackend(this)) { BeforeHeader = beforeHeader };

    /// <summary>Snapshots in the engine's schema; per-customer tables are ordinary (logged) tables, the save is one transaction.</summary>
    private sealed class SnapshotBackend(PostgresEngine engine) : ISnapshotBackend
    {
        public SqlDialect Dialect => PostgresEngine.Dialect;

        public string EngineName => Dialect.Name;

        public bool Transactional => true;

        public string FullJoin => "FULL JOIN";

        public string MetaTable(string name) => engine.T(name);

        public string Table(string name) => engine.T(name);

        public Task EnsureMetaTableAsync(string name, IReadOnlyList<(string Name, SqlType Type)> columns, CancellationToken cancellationToken) =>
            engine.ExecuteAsync($"CREATE TABLE IF NOT EXISTS {engine.T(name)} ({string.Join(", ", columns.Select(c => Dialect.QuoteIdentifier(c.Name) + " " + Dialect.TypeName(c.Type)))})", cancellationToken);

        public Task ExecuteAsync(string sql, CancellationToken cancellationToken) => engine.ExecuteAsync(sql, cancellationToken);

        public async Task<List<string?[]>> RowsAsync(string sql, CancellationToken cancellationToken)
        {
            var rows = new List<string?[]>();
            await using var cmd = engine.Command(sql);
            await using var reader = await engine.ReaderAsync(cmd, cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = new string?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                    row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
                rows.Add(row);
            }
            return rows;
        }

        public Task<List<string?[]>> RowsPerShardAsync(Func<Func<string, string>, string> sql, CancellationToken cancellationToken) =>
            RowsAsync(sql(engine.T), cancellationToken);

        public async Task CreatePerCustomerAsync(string name, Func<Func<string, string>, string> select, CancellationToken cancellationToken)
        {
            await engine.DropRelationAsync(name, cancellationToken).ConfigureAwait(false);
            await engine.ExecuteAsync($"CREATE TABLE {engine.T(name)} AS {select(engine.T)}", cancellationToken).ConfigureAwait(false);
        }

        public Task InsertPerCustomerAsync(string name, Func<Func<string, string>, string> select, CancellationToken cancellationToken) =>
            engine.ExecuteAsync($"INSERT INTO {engine.T(name)} {select(engine.T)}", cancellationToken);

        public Task DropPerCustomerAsync(string name, CancellationToken cancellationToken) => engine.DropRelationAsync(name, cancellationToken);

        public Task DeleteMetaRowsAsync(string name, string where, CancellationToken cancellationToken) =>
            engine.ExecuteAsync($"DELETE FROM {engine.T(name)} WHERE {where}", cancellationToken);

        public async Task<IReadOnlyList<string>> ColumnsAsync(string name, CancellationToken cancellationToken) =>
            [.. (await engine.ColumnKindsAsync(name, cancellationToken).ConfigureAwait(false)).Keys];

        public async Task<IReadOnlyList<string>> TablesAsync(string prefix, CancellationToken cancellationToken)
        {
            var names = new List<string>();
            await using var cmd = engine.Command("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = @s AND c.relkind = 'r' AND starts_with(c.relname, @p)");
            cmd.Parameters.AddWithValue("s", engine._source.Schema);
            cmd.Parameters.AddWithValue("p", prefix);
            await using var reader = await engine.ReaderAsync(cmd, cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) names.Add(reader.GetString(0));
            return names;
        }

        public async Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken)
        {
            await engine.ExecuteAsync("BEGIN", cancellationToken).ConfigureAwait(false);
            try
            {
                await work().ConfigureAwait(false);
                await engine.ExecuteAsync("COMMIT", cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                try
                {
                    await engine.ExecuteAsync("ROLLBACK", CancellationToken.None).ConfigureAwait(false);
                }
                catch (NpgsqlException)
                {
                    // The connection is gone: the server rolls the transaction back itself.
                }
                catch (Engines.EngineUnavailableException)
                {
                    // Same, reported through the engine's guard.
                }
                throw;
            }
        }

        // First 32 bits of MD5 as a non-negative BIGINT (zero-padded to 64 bits before the cast).
        public string Hash32(string textExpr) => $"('x' || lpad(substr(md5({textExpr}), 1, 8), 16, '0'))::bit(64)::bigint";

        public string TextOrEmpty(string expr) => $"coalesce(CAST({expr} AS TEXT), '')";

        public string Concat(params string[] parts) => "concat(" + string.Join(", ", parts) + ")";
    }
}
