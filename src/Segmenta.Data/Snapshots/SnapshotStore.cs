using System.Globalization;
using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Core.Snapshots;

namespace Segmenta.Data.Snapshots;

/// <summary>
/// Dated snapshots in the DuckDB store: a header row per snapshot (<c>snapshots</c>), its schemes
/// (<c>snapshot_schemes</c>), every customer's segment per scheme (<c>snapshot_assignments</c>, long format) and a copy of
/// the run's per-customer table (<c>snapshot_&lt;id&gt;_customers</c>: features, predictions, scores, segments).
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

    /// <summary>The per-customer table of snapshot <paramref name="id"/>.</summary>
    public static string CustomersTable(long id) => "snapshot_" + id.ToString(CultureInfo.InvariantCulture) + "_customers";

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
            Execute($"CREATE TABLE {table} AS SELECT * FROM {content.SourceTable}");
            TestPause.At("snapshot:after-customers");
            var position = 0;
            foreach (var plan in content.Plans)
            {
                Execute($"INSERT INTO {AssignmentsTable} SELECT {id}, CAST(customer_id AS VARCHAR), {Text(plan.Scheme)}, CAST({Quote(plan.SegmentColumn)} AS VARCHAR) FROM {table}");
                Execute($"INSERT INTO {SchemesTable} VALUES ({id}, {position++}, {Text(plan.Scheme)}, {Text(version)}, {Text(PlanFingerprint.Compute(plan))}, {Text(plan.SegmentColumn)}, {Text(SnapshotJson.Parameters(plan.Parameters))}, {Text(SnapshotJson.Segments(plan.Segments))})");
            }
            TestPause.At("snapshot:after-assignments");
            var customers = Long($"SELECT count(*) FROM {table}");
            var hash = ComputeContentHash(id, content.AsOf, customers);
            var input = content.Input;
            TestPause.At("snapshot:before-header");
            Execute($"""
                INSERT INTO {HeaderTable} VALUES ({id}, {Text(runId)}, {Date(content.AsOf)}, CAST(now() AT TIME ZONE 'UTC' AS TIMESTAMP),
                  {Text(content.Engine)}, {Text(content.Kind)}, {Text(input.Path)}, {Text(input.Sha256)}, {input.Bytes}, {input.Rows},
                  {customers}, {Text(Complete)}, {Text(hash)}, {(content.FrozenFrom is { } f ? f.ToString(CultureInfo.InvariantCulture) : "NULL")})
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

    /// <summary>Deletes a snapshot (header, schemes, assignments, per-customer table) in one transaction.</summary>
    /// <exception cref="SegmentaInputException">No such snapshot.</exception>
    public void Delete(long id)
    {
        _ = Get(id) ?? throw NotFound(id);
        Execute("BEGIN TRANSACTION");
        try
        {
            Execute($"DELETE FROM {HeaderTable} WHERE snapshot_id = {id}");
            Execute($"DELETE FROM {SchemesTable} WHERE snapshot_id = {id}");
            Execute($"DELETE FROM {AssignmentsTable} WHERE snapshot_id = {id}");
            Execute($"DROP TABLE IF EXISTS {CustomersTable(id)}");
            Execute("COMMIT");
        }
        catch
        {
            TryRollback();
            throw;
        }
    }

    /// <summary>
    /// Recomputes the content hash of a stored snapshot from its rows: SHA-256 of the as-of date, the customer count and
    /// order-independent sums of DuckDB row hashes over the assignments and over the per-customer table.
    /// </summary>
    public string ComputeContentHash(long id) => Get(id) is { } h ? ComputeContentHash(id, h.AsOf, h.Customers) : throw NotFound(id);

    private string ComputeContentHash(long id, DateOnly asOf, long customers)
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

    internal static string Text(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    internal static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    internal static string Date(DateOnly d) => "DATE '" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";
}
