using System.Globalization;
using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Core.Snapshots;
using Segmenta.Data.DuckDb;

namespace Segmenta.Data.Snapshots;

/// <summary>
/// Dated snapshots in the DuckDB store: a header row per snapshot (<c>snapshots</c>), its schemes
/// (<c>snapshot_schemes</c>), every customer's segment per scheme (<c>snapshot_assignments</c>, long format, snapshots of
/// older versions only) and the run's per-customer rows (<c>snapshot_&lt;id&gt;_customers</c>: features, predictions,
/// scores, segments), taken over from the run without a copy (see <see cref="TakeOver"/>).
/// </summary>
/// <remarks>
/// <para><b>Atomicity.</b> <see cref="Save"/> writes everything in one DuckDB transaction and inserts the header last;
/// DuckDB's DDL is transactional and its write-ahead log holds only committed transactions, so a crash or SIGKILL at any
/// point before COMMIT leaves no trace (the next open replays the log up to the last commit) and a crash after it
/// leaves the whole snapshot. Readers list headers with <c>status = 'complete'</c> only. The crash test in
/// <c>tests/Segmenta.Cli.Tests/SnapshotCrashTests.cs</c> kills the real CLI at each <see cref="TestPause"/> point.</para>
/// <para><b>Concurrency.</b> DuckDB lets one process open a store file for writing; see <see cref="DuckDb.DuckDbStore.Open"/>
/// for the wait-then-refuse rule, and <c>StoreGate</c> for runs inside one process.</para>
/// </remarks>
/// <param name="connection">An open store connection; the caller owns it.</param>
public sealed partial class SnapshotStore(DuckDBConnection connection)
{
    /// <summary>Header table.</summary>
    public const string HeaderTable = "snapshots";
    /// <summary>Per-snapshot scheme table.</summary>
    public const string SchemesTable = "snapshot_schemes";
    /// <summary>Per-customer assignments of every snapshot.</summary>
    public const string AssignmentsTable = "snapshot_assignments";
    /// <summary>Status of a complete snapshot.</summary>
    public const string Complete = "complete";

    private bool _schemaReady;

    /// <summary>
    /// The per-customer rows of snapshot <paramref name="id"/>: a table, or (a snapshot that took a DuckDB run's tables
    /// over) the view joining <see cref="FeaturesTable"/> and <see cref="SegmentsTableOf"/>.
    /// </summary>
    public static string CustomersTable(long id) => "snapshot_" + id.ToString(CultureInfo.InvariantCulture) + "_customers";

    /// <summary>The features table of snapshot <paramref name="id"/> when it took a DuckDB run's tables over (see <see cref="CustomersTable"/>).</summary>
    public static string FeaturesTable(long id) => "snapshot_" + id.ToString(CultureInfo.InvariantCulture) + "_features";

    /// <summary>The derived (score and segment) columns of snapshot <paramref name="id"/> when it took a DuckDB run's tables over.</summary>
    public static string SegmentsTableOf(long id) => "snapshot_" + id.ToString(CultureInfo.InvariantCulture) + "_segments";

    /// <summary>Creates the snapshot tables if they do not exist.</summary>
    public void EnsureSchema()
    {
        if (_schemaReady) return;
        Execute($"""
            CREATE TABLE IF NOT EXISTS {HeaderTable} (
              snapshot_id BIGINT NOT NULL, run_id VARCHAR NOT NULL, as_of DATE NOT NULL, created_at TIMESTAMP NOT NULL,
              engine VARCHAR, kind VARCHAR, input_path VARCHAR, input_sha256 VARCHAR, input_bytes BIGINT, input_rows BIGINT,
              customers BIGINT, status VARCHAR NOT NULL, content_hash VARCHAR, frozen_from BIGINT);
            CREATE TABLE IF NOT EXISTS {SchemesTable} (
              snapshot_id BIGINT NOT NULL, position INTEGER, scheme VARCHAR, version VARCHAR, plan_hash VARCHAR,
              segment_column VARCHAR, parameters_json VARCHAR, segments_json VARCHAR);
            CREATE TABLE IF NOT EXISTS {AssignmentsTable} (
              snapshot_id BIGINT NOT NULL, customer_id VARCHAR NOT NULL, scheme VARCHAR NOT NULL, segment VARCHAR);
            CREATE SEQUENCE IF NOT EXISTS snapshot_id_seq START 1;
            ALTER TABLE {HeaderTable} ADD COLUMN IF NOT EXISTS stable_from BIGINT;
            ALTER TABLE {HeaderTable} ADD COLUMN IF NOT EXISTS stability VARCHAR;
            """);
        _schemaReady = true;
    }

    /// <summary>Stores a snapshot atomically and returns its header.</summary>
    /// <exception cref="SegmentaInputException">The source table is missing.</exception>
    public SnapshotHeader Save(SnapshotContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        EnsureSchema();
        if (Long($"SELECT count(*) FROM information_schema.tables WHERE table_name = {Text(content.SourceTable)}") == 0)
            throw new SegmentaInputException($"No table \"{content.SourceTable}\" to snapshot: run segmenta segment first.");
        var id = Long("SELECT nextval('snapshot_id_seq')");
        var runId = Guid.NewGuid().ToString("N");
        var table = CustomersTable(id);
        var version = SchemeVersion;
        Execute("BEGIN TRANSACTION");
        try
        {
            TestPause.At("snapshot:begin");
            TakeOver(content.SourceTable, table, id);
            TestPause.At("snapshot:after-customers");
            var position = 0;
            foreach (var plan in content.Plans)
            {
                // Assignments are the segment columns of the per-customer table (narrow: one column per scheme);
                // snapshot_assignments only holds the long-format rows of snapshots stored before that.
                Execute($"INSERT INTO {SchemesTable} VALUES ({id}, {position++}, {Text(plan.Scheme)}, {Text(version)}, {Text(PlanFingerprint.Compute(plan))}, {Text(plan.SegmentColumn)}, {Text(SnapshotJson.Parameters(plan.Parameters))}, {Text(SnapshotJson.Segments(plan.Segments))})");
            }
            TestPause.At("snapshot:after-assignments");
            var rows = RowsDigest(id);
            var customers = CountOf(rows);
            var hash = ContentHash(id, content.AsOf, customers, rows);
            var input = content.Input;
            TestPause.At("snapshot:before-header");
            Execute($"""
                INSERT INTO {HeaderTable} (snapshot_id, run_id, as_of, created_at, engine, kind, input_path, input_sha256, input_bytes,
                  input_rows, customers, status, content_hash, frozen_from, stable_from, stability)
                VALUES ({id}, {Text(runId)}, {Date(content.AsOf)}, CAST(now() AT TIME ZONE 'UTC' AS TIMESTAMP),
                  {Text(content.Engine)}, {Text(content.Kind)}, {Text(input.Path)}, {Text(input.Sha256)}, {input.Bytes}, {input.Rows},
                  {customers}, {Text(Complete)}, {Text(hash)}, {Nullable(content.FrozenFrom)}, {Nullable(content.StableFrom)}, {Text(content.Stability)})
                """);
            TestPause.At("snapshot:before-commit");
            Execute("COMMIT");
        }
        catch
        {
            TryRollback();
            throw;
        }
        TestPause.At("snapshot:after-commit");
        return Get(id) ?? throw new InvalidOperationException($"snapshot {id} was committed but cannot be read back");
    }

    /// <summary>
    /// Moves the run's per-customer rows under the snapshot's name without copying them (renames are metadata only in
    /// DuckDB). A DuckDB run leaves <c>customer_segments</c> as the view features ⋈ assignments: its two tables become
    /// the snapshot's own (<see cref="FeaturesTable"/>, <see cref="SegmentsTableOf"/>), <see cref="CustomersTable"/> is
    /// the same join over them, and the run's names become read-only views over the snapshot's tables, so the last run
    /// still reads the same. A new run drops each view just before writing its table (<c>DuckDbEngine.DropRunView</c>); whatever
    /// changes them in place first makes them tables of their own (<c>DuckDbEngine.OwnTable</c>), so a snapshot's tables
    /// are never written after its commit. A <c>customer_segments</c> table (server runs, older stores) is renamed the
    /// same way; anything else is copied.
    /// </summary>
    private void TakeOver(string source, string table, long id)
    {
        if (source == DuckDbEngine.SegmentsTable && DuckDbEngine.SegmentsIsView(connection)
            && DuckDbEngine.IsTable(connection, DuckDbEngine.FeaturesTable) && DuckDbEngine.IsTable(connection, DuckDbEngine.AssignmentsTable))
        {
            Execute($"ALTER TABLE {DuckDbEngine.FeaturesTable} RENAME TO {FeaturesTable(id)}");
            Execute($"ALTER TABLE {DuckDbEngine.AssignmentsTable} RENAME TO {SegmentsTableOf(id)}");
            Execute($"CREATE VIEW {table} AS {DuckDbEngine.SegmentsViewSql(FeaturesTable(id), SegmentsTableOf(id), new DuckDbEngine(connection).TableColumns(SegmentsTableOf(id)))}");
            Execute($"CREATE VIEW {DuckDbEngine.FeaturesTable} AS SELECT * FROM {FeaturesTable(id)}");
            Execute($"CREATE VIEW {DuckDbEngine.AssignmentsTable} AS SELECT * FROM {SegmentsTableOf(id)}");
        }
        else if (source == DuckDbEngine.SegmentsTable && !DuckDbEngine.SegmentsIsView(connection))
        {
            Execute($"ALTER TABLE {source} RENAME TO {table}");
            Execute($"CREATE VIEW {source} AS SELECT * FROM {table}");
        }
        else
        {
            Execute($"CREATE TABLE {table} AS SELECT * FROM {source}");
        }
    }

    /// <summary>Deletes a snapshot (header, schemes, assignments, per-customer table) in one transaction.</summary>
    /// <exception cref="SegmentaInputException">No such snapshot.</exception>
    public void Delete(long id)
    {
        _ = Get(id) ?? throw NotFound(id);
        Execute("BEGIN TRANSACTION");
        try
        {
            // The last run's views read this snapshot's tables: give them tables of their own first.
            if (DuckDbEngine.SegmentsViewSource(connection) is { } view && view.Contains(CustomersTable(id), StringComparison.Ordinal))
                DuckDbEngine.OwnSegmentsTable(connection);
            foreach (var (name, own) in new[] { (DuckDbEngine.FeaturesTable, FeaturesTable(id)), (DuckDbEngine.AssignmentsTable, SegmentsTableOf(id)) })
            {
                if (DuckDbEngine.ViewSource(connection, name) is { } sql && sql.Contains(own, StringComparison.Ordinal))
                    DuckDbEngine.OwnTable(connection, name);
            }
            Execute($"DELETE FROM {HeaderTable} WHERE snapshot_id = {id}");
            Execute($"DELETE FROM {SchemesTable} WHERE snapshot_id = {id}");
            Execute($"DELETE FROM {AssignmentsTable} WHERE snapshot_id = {id}");
            var engine = new DuckDbEngine(connection);
            engine.DropRelation(CustomersTable(id));
            engine.DropRelation(FeaturesTable(id));
            engine.DropRelation(SegmentsTableOf(id));
            Execute("COMMIT");
        }
        catch
        {
            TryRollback();
            throw;
        }
    }

    /// <summary>
    /// Recomputes the content hash of a stored snapshot from its rows: SHA-256 of the as-of date, the customer count, the
    /// schemes' segment columns and the order-independent sum of DuckDB's hashes of the per-customer table's typed rows
    /// (which hold every scheme's segment). Snapshots stored before assignments were kept narrow use the earlier form.
    /// </summary>
    public string ComputeContentHash(long id) => Get(id) is { } h ? ComputeContentHash(id, h.AsOf, h.Customers) : throw NotFound(id);

    private string ComputeContentHash(long id, DateOnly asOf, long customers)
    {
        if (Long($"SELECT count(*) FROM (SELECT 1 FROM {AssignmentsTable} WHERE snapshot_id = {id} LIMIT 1)") > 0)
            return LegacyContentHash(id, asOf, customers);
        return ContentHash(id, asOf, customers, RowsDigest(id));
    }

    /// <summary>
    /// "count:sum of the rows' hashes" of the per-customer rows: hash(t) hashes the row as a typed struct (no text
    /// conversion); the sum (as HUGEINT, no overflow) does not depend on row order, so the same rows always give the
    /// same digest. One pass, which also gives the customer count (the rows are a join: no second pass for the count).
    /// </summary>
    private string RowsDigest(long id) =>
        Scalar($"SELECT CAST(count(*) AS VARCHAR) || ':' || CAST(coalesce(sum(CAST(hash(t) AS HUGEINT)), 0) AS VARCHAR) FROM {CustomersTable(id)} AS t");

    private static long CountOf(string rowsDigest) => long.Parse(rowsDigest.AsSpan(0, rowsDigest.IndexOf(':', StringComparison.Ordinal)), CultureInfo.InvariantCulture);

    private string ContentHash(long id, DateOnly asOf, long customers, string rows)
    {
        var schemes = Scalar($"SELECT coalesce(string_agg(scheme || '=' || segment_column, ',' ORDER BY position), '') FROM {SchemesTable} WHERE snapshot_id = {id}");
        var text = string.Join("|", "v2", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), customers.ToString(CultureInfo.InvariantCulture), schemes, rows);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    private string LegacyContentHash(long id, DateOnly asOf, long customers)
    {
        var assignments = Scalar($"SELECT CAST(count(*) AS VARCHAR) || ':' || CAST(coalesce(sum(CAST(hash(customer_id || chr(31) || scheme || chr(31) || coalesce(segment, chr(0))) AS HUGEINT)), 0) AS VARCHAR) FROM {AssignmentsTable} WHERE snapshot_id = {id}");
        var rows = Scalar($"SELECT CAST(count(*) AS VARCHAR) || ':' || CAST(coalesce(sum(CAST(hash(CAST(t AS VARCHAR)) AS HUGEINT)), 0) AS VARCHAR) FROM {CustomersTable(id)} AS t");
        var text = string.Join("|", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), customers.ToString(CultureInfo.InvariantCulture), assignments, rows);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The version recorded for built-in schemes: the Segmenta.Core assembly version.</summary>
    public static string SchemeVersion { get; } =
        "segmenta-" + (typeof(PlanFingerprint).Assembly.GetName().Version?.ToString(3) ?? "0");

    internal static SegmentaInputException NotFound(long id) => new(
        $"snapshot {id} does not exist: run segmenta snapshots list to see the ids. / 快照 {id} 不存在：运行 segmenta snapshots list 查看编号。");

    private void TryRollback()
    {
        try
        {
            Execute("ROLLBACK");
        }
        catch (DuckDBException)
        {
            // The transaction was already aborted by the failing statement.
        }
    }

    internal void Execute(string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    internal long Long(string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private string Scalar(string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    private static string Nullable(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "NULL";

    internal static string Text(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    internal static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    internal static string Date(DateOnly d) => "DATE '" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";
}
