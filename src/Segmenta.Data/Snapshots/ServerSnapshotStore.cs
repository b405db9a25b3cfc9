using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Segmenta.Core;
using Segmenta.Core.Schemes;
using Segmenta.Core.Snapshots;
using Segmenta.Core.Snapshots.Migration;
using Segmenta.Data.Sql;

namespace Segmenta.Data.Snapshots;

/// <summary>
/// Snapshots stored inside a server engine (PostgreSQL schema, ClickHouse database), next to the run's tables, with the
/// DuckDB store's logical layout: a header row per snapshot (<c>snapshots</c>, with its schemes as JSON), every customer's
/// segment per scheme (<c>snapshot_&lt;id&gt;_assignments</c>, long format) and a copy of the run's per-customer table
/// (<c>snapshot_&lt;id&gt;_customers</c>: features, predictions, segments). Every per-customer table is written with
/// <c>CREATE TABLE … AS SELECT</c> / <c>INSERT … SELECT</c> inside the engine (on ClickHouse, on every shard from its own
/// local tables); only the header and aggregates cross the network.
/// </summary>
/// <remarks>
/// <para><b>Atomic visibility.</b> Readers list only snapshots that have a header row. PostgreSQL writes the tables and
/// the header in one transaction (its DDL is transactional), so a failure leaves nothing. ClickHouse has no multi-table
/// transactions: the data tables are written first under the new id and the header row last (one single-block INSERT,
/// which is atomic); a run that fails or is killed in between leaves orphan tables without a header, which no reader
/// sees and which the next save drops (<see cref="CleanOrphansAsync"/>). One run at a time per schema / database (the run
/// tables are shared anyway).</para>
/// <para><b>Content hash.</b> Engine-independent: SHA-256 of the as-of date, the customer count, the assignment count and
/// the sum over assignments of <see cref="RowHash"/> (first 32 bits of MD5 of <c>customer|scheme|segment</c>) — the same
/// value on PostgreSQL, ClickHouse and, computed from rows, DuckDB (<see cref="ContentHashOf"/>).</para>
/// </remarks>
public sealed partial class ServerSnapshotStore
{
    /// <summary>Header table.</summary>
    public const string HeaderTable = SnapshotStore.HeaderTable;

    private static readonly (string Name, SqlType Type)[] HeaderColumns =
    [
        ("snapshot_id", SqlType.BigInt), ("run_id", SqlType.Text), ("as_of", SqlType.Date), ("created_at", SqlType.Text),
        ("engine", SqlType.Text), ("kind", SqlType.Text), ("input_path", SqlType.Text), ("input_sha256", SqlType.Text),
        ("input_bytes", SqlType.BigInt), ("input_rows", SqlType.BigInt), ("customers", SqlType.BigInt), ("status", SqlType.Text),
        ("content_hash", SqlType.Text), ("frozen_from", SqlType.BigInt), ("schemes_json", SqlType.Text),
    ];

    private readonly ISnapshotBackend _backend;
    private bool _schemaReady;

    internal ServerSnapshotStore(ISnapshotBackend backend) => _backend = backend;

    /// <summary>Test hook: runs after the data tables are written and before the header (a failure here leaves orphans on ClickHouse).</summary>
    internal Func<Task>? BeforeHeader { get; init; }

    private SqlDialect Dialect => _backend.Dialect;

    /// <summary>The per-customer table of snapshot <paramref name="id"/>.</summary>
    public static string CustomersTable(long id) => SnapshotStore.CustomersTable(id);

    /// <summary>The long-format assignments table of snapshot <paramref name="id"/>.</summary>
    public static string AssignmentsTable(long id) => "snapshot_" + id.ToString(CultureInfo.InvariantCulture) + "_assignments";

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady) return;
        await _backend.EnsureMetaTableAsync(HeaderTable, HeaderColumns, cancellationToken).ConfigureAwait(false);
        _schemaReady = true;
    }

    /// <summary>
    /// Stores the run's snapshot from the engine's per-customer table <see cref="SnapshotContent.SourceTable"/>, inside the
    /// engine, header last; first drops the orphans of an earlier failed save.
    /// </summary>
    public async Task<SnapshotHeader> SaveAsync(SnapshotContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await CleanOrphansAsync(cancellationToken).ConfigureAwait(false);
        var id = Long((await _backend.RowsAsync($"SELECT max(snapshot_id) FROM {_backend.MetaTable(HeaderTable)}", cancellationToken).ConfigureAwait(false))[0][0]) + 1;
        var customersTable = CustomersTable(id);
        var assignmentsTable = AssignmentsTable(id);
        await _backend.InTransactionAsync(async () =>
        {
            TestPause.At("server-snapshot:begin");
            await _backend.CreatePerCustomerAsync(customersTable, t => $"SELECT * FROM {t(content.SourceTable)}", cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < content.Plans.Count; i++)
            {
                var plan = content.Plans[i];
                string Select(Func<string, string> t) =>
                    $"SELECT {Dialect.Cast("customer_id", SqlType.Text)} AS customer_id, {Dialect.StringLiteral(plan.Scheme)} AS scheme, "
                    + $"{_backend.TextOrEmpty(Dialect.QuoteIdentifier(plan.SegmentColumn))} AS segment FROM {t(customersTable)}";
                if (i == 0) await _backend.CreatePerCustomerAsync(assignmentsTable, Select, cancellationToken).ConfigureAwait(false);
                else await _backend.InsertPerCustomerAsync(assignmentsTable, Select, cancellationToken).ConfigureAwait(false);
            }
            TestPause.At("server-snapshot:before-header");
            if (BeforeHeader is not null) await BeforeHeader().ConfigureAwait(false);
            var customers = Long((await _backend.RowsAsync($"SELECT count(*) FROM {_backend.Table(customersTable)}", cancellationToken).ConfigureAwait(false))[0][0]);
            var hash = await ContentHashAsync(id, content.Plans.Count > 0, content.AsOf, customers, cancellationToken).ConfigureAwait(false);
            var input = content.Input;
            var values = new[]
            {
                Num(id), Dialect.StringLiteral(Guid.NewGuid().ToString("N")), Dialect.DateLiteral(content.AsOf),
                Dialect.StringLiteral(DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
                Dialect.StringLiteral(content.Engine), Dialect.StringLiteral(content.Kind), Dialect.StringLiteral(input.Path), Dialect.StringLiteral(input.Sha256),
                Num(input.Bytes), Num(input.Rows), Num(customers), Dialect.StringLiteral(SnapshotStore.Complete), Dialect.StringLiteral(hash),
                Num(content.FrozenFrom ?? 0), Dialect.StringLiteral(SchemesJson(content.Plans)),
            };
            await _backend.ExecuteAsync($"INSERT INTO {_backend.MetaTable(HeaderTable)} ({string.Join(", ", HeaderColumns.Select(c => c.Name))}) VALUES ({string.Join(", ", values)})", cancellationToken).ConfigureAwait(false);
            TestPause.At("server-snapshot:after-header");
        }, cancellationToken).ConfigureAwait(false);
        return await RequireAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops the data tables of snapshots without a header (left by a save that failed before its header); returns the tables dropped.</summary>
    public async Task<IReadOnlyList<string>> CleanOrphansAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var ids = (await _backend.RowsAsync($"SELECT snapshot_id FROM {_backend.MetaTable(HeaderTable)}", cancellationToken).ConfigureAwait(false))
            .Select(r => Long(r[0])).ToHashSet();
        var dropped = new List<string>();
        foreach (var table in await _backend.TablesAsync("snapshot_", cancellationToken).ConfigureAwait(false))
        {
            if (DataTable().Match(table) is not { Success: true } m) continue;
            if (ids.Contains(long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))) continue;
            await _backend.DropPerCustomerAsync(table, cancellationToken).ConfigureAwait(false);
            dropped.Add(table);
        }
        return dropped;
    }

    /// <summary>The snapshot data tables present in the engine (with or without a header).</summary>
    internal async Task<IReadOnlyList<string>> DataTablesAsync(CancellationToken cancellationToken = default) =>
        [.. (await _backend.TablesAsync("snapshot_", cancellationToken).ConfigureAwait(false)).Where(t => DataTable().IsMatch(t)).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"^snapshot_(\d+)_(customers|assignments)$")]
    private static partial Regex DataTable();

    /// <summary>Every complete snapshot (with a header), oldest id first.</summary>
    public async Task<IReadOnlyList<SnapshotHeader>> ListAsync(CancellationToken cancellationToken = default) =>
        await ReadHeadersAsync($"WHERE status = {Dialect.StringLiteral(SnapshotStore.Complete)} ORDER BY snapshot_id", cancellationToken).ConfigureAwait(false);

    /// <summary>The complete snapshot <paramref name="id"/>, or null.</summary>
    public async Task<SnapshotHeader?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        (await ReadHeadersAsync($"WHERE status = {Dialect.StringLiteral(SnapshotStore.Complete)} AND snapshot_id = {Num(id)}", cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>The complete snapshot <paramref name="id"/>.</summary>
    /// <exception cref="SegmentaInputException">No such snapshot.</exception>
    public async Task<SnapshotHeader> RequireAsync(long id, CancellationToken cancellationToken = default) =>
        await GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw SnapshotStore.NotFound(id);

    /// <summary>The latest complete snapshot before <paramref name="id"/> by as-of date (then id), or null.</summary>
    public async Task<SnapshotHeader?> PreviousAsync(long id, CancellationToken cancellationToken = default)
    {
        var current = await RequireAsync(id, cancellationToken).ConfigureAwait(false);
        return (await ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(h => h.Id != id && (h.AsOf < current.AsOf || (h.AsOf == current.AsOf && h.Id < id)))
            .OrderBy(h => h.AsOf).ThenBy(h => h.Id).LastOrDefault();
    }

    /// <summary>Scheme → parameter name → values of a snapshot (for frozen cut points).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<decimal>>>> ParametersAsync(long id, CancellationToken cancellationToken = default) =>
        (await RequireAsync(id, cancellationToken).ConfigureAwait(false)).Schemes.ToDictionary(s => s.Name, s => s.Parameters, StringComparer.Ordinal);

    /// <summary>Recomputes the content hash of a stored snapshot from its rows, inside the engine.</summary>
    public async Task<string> ComputeContentHashAsync(long id, CancellationToken cancellationToken = default)
    {
        var header = await RequireAsync(id, cancellationToken).ConfigureAwait(false);
        var customers = Long((await _backend.RowsAsync($"SELECT count(*) FROM {_backend.Table(CustomersTable(id))}", cancellationToken).ConfigureAwait(false))[0][0]);
        return await ContentHashAsync(id, header.Schemes.Count > 0, header.AsOf, customers, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> ContentHashAsync(long id, bool hasAssignments, DateOnly asOf, long customers, CancellationToken cancellationToken)
    {
        if (!hasAssignments) return HashText(asOf, customers, 0, BigInteger.Zero);
        var row = (await _backend.RowsAsync(
            $"SELECT count(*), sum({_backend.Hash32(_backend.Concat("customer_id", "'|'", "scheme", "'|'", "segment"))}) FROM {_backend.Table(AssignmentsTable(id))}",
            cancellationToken).ConfigureAwait(false))[0];
        return HashText(asOf, customers, Long(row[0]), row[1] is null ? BigInteger.Zero : BigInteger.Parse(row[1]!, CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Customer → segment of one scheme in one snapshot. This reads every customer of the snapshot over the network: for
    /// tests and small exports; migration uses <see cref="DiffAsync"/>, which does not.
    /// </summary>
    public async Task<Dictionary<string, string>> AssignmentsAsync(long id, string scheme, CancellationToken cancellationToken = default)
    {
        var header = await RequireAsync(id, cancellationToken).ConfigureAwait(false);
        var s = header.Scheme(scheme) ?? throw SnapshotStore.UnknownScheme(header, scheme);
        var rows = await _backend.RowsAsync($"SELECT customer_id, segment FROM {_backend.Table(AssignmentsTable(id))} WHERE scheme = {Dialect.StringLiteral(s.Name)}", cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r[0]!, r => r[1] ?? "", StringComparer.Ordinal);
    }

    /// <summary>
    /// Migration between snapshots <paramref name="a"/> and <paramref name="b"/> for one scheme, or every scheme both have:
    /// the transition matrix is a <c>GROUP BY</c> over a full join of the two assignment tables inside the engine (on
    /// ClickHouse per shard: a customer's rows of both snapshots are on the same shard), and only the cells and the first
    /// <paramref name="maxMovers"/> movers (by customer id) travel.
    /// </summary>
    /// <exception cref="SegmentaInputException">A snapshot or the scheme does not exist.</exception>
    public async Task<SnapshotDiff> DiffAsync(long a, long b, string? scheme = null, int maxMovers = 100, CancellationToken cancellationToken = default)
    {
        var before = await RequireAsync(a, cancellationToken).ConfigureAwait(false);
        var after = await RequireAsync(b, cancellationToken).ConfigureAwait(false);
        var names = scheme is not null
            ? [(before.Scheme(scheme) ?? throw SnapshotStore.UnknownScheme(before, scheme)).Name]
            : before.Schemes.Select(s => s.Name).Where(n => after.Scheme(n) is not null).ToList();
        if (scheme is not null && after.Scheme(scheme) is null) throw SnapshotStore.UnknownScheme(after, scheme);
        var results = new List<MigrationResult>();
        foreach (var name in names)
        {
            var literal = Dialect.StringLiteral(name);
            string Join(Func<string, string> t) =>
                $"(SELECT customer_id, segment AS segment_before FROM {t(AssignmentsTable(a))} WHERE scheme = {literal}) AS sa "
                + $"{_backend.FullJoin} (SELECT customer_id, segment AS segment_after FROM {t(AssignmentsTable(b))} WHERE scheme = {literal}) AS sb USING (customer_id)";
            var cells = await _backend.RowsPerShardAsync(t => $"SELECT segment_before, segment_after, count(*) FROM {Join(t)} GROUP BY segment_before, segment_after", cancellationToken).ConfigureAwait(false);
            var movers = await _backend.RowsPerShardAsync(t =>
                $"SELECT customer_id, segment_before, segment_after FROM {Join(t)} WHERE segment_before <> segment_after ORDER BY {Dialect.TextForOrdering("customer_id")} LIMIT {Num(maxMovers)}",
                cancellationToken).ConfigureAwait(false);
            results.Add(MigrationAnalysis.FromCells(
                name,
                cells.Select(r => (r[0], r[1], Long(r[2]))),
                movers.Where(r => r[1] is not null && r[2] is not null).Select(r => new Mover(r[0]!, r[1]!, r[2]!)).OrderBy(m => m.CustomerId, StringComparer.Ordinal).Take(maxMovers),
                [.. after.Scheme(name)!.Segments.Select(s => s.Key)]));
        }
        return new SnapshotDiff(before, after, results);
    }

    /// <summary>The engine-independent hash of one assignment row's text: the first 32 bits of its MD5 (big-endian).</summary>
    public static long RowHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
#pragma warning disable CA5351 // MD5 is a checksum here (the same function every engine has built in), not security.
        var digest = MD5.HashData(Encoding.UTF8.GetBytes(text));
#pragma warning restore CA5351
        return ((long)digest[0] << 24) | ((long)digest[1] << 16) | ((long)digest[2] << 8) | digest[3];
    }

    /// <summary>The content hash of a snapshot given its assignments (customer, scheme, segment), as every server store computes it.</summary>
    public static string ContentHashOf(DateOnly asOf, long customers, IEnumerable<(string Customer, string Scheme, string? Segment)> assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        long count = 0;
        var sum = BigInteger.Zero;
        foreach (var (customer, scheme, segment) in assignments)
        {
            count++;
            sum += RowHash(customer + "|" + scheme + "|" + (segment ?? ""));
        }
        return HashText(asOf, customers, count, sum);
    }

    private static string HashText(DateOnly asOf, long customers, long assignments, BigInteger sum)
    {
        var text = string.Join("|", "v1", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), customers.ToString(CultureInfo.InvariantCulture),
            assignments.ToString(CultureInfo.InvariantCulture), sum.ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string SchemesJson(IReadOnlyList<SchemePlan> plans) => new JsonArray([.. plans.Select(p => (JsonNode?)new JsonObject
    {
        ["name"] = p.Scheme,
        ["version"] = SnapshotStore.SchemeVersion,
        ["plan_hash"] = PlanFingerprint.Compute(p),
        ["segment_column"] = p.SegmentColumn,
        ["parameters"] = SnapshotJson.Parameters(p.Parameters),
        ["segments"] = SnapshotJson.Segments(p.Segments),
    })]).ToJsonString();

    private static List<SnapshotScheme> ReadSchemes(string? json) => json is null or "" ? [] :
        [.. JsonNode.Parse(json)!.AsArray().Select(n => new SnapshotScheme(
            (string)n!["name"]!, (string?)n["version"] ?? "", (string?)n["plan_hash"] ?? "", (string?)n["segment_column"] ?? "",
            SnapshotJson.ReadParameters((string?)n["parameters"] ?? ""), SnapshotJson.ReadSegments((string?)n["segments"] ?? "")))];

    private async Task<List<SnapshotHeader>> ReadHeadersAsync(string where, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        var columns = string.Join(", ", HeaderColumns.Select(c => Dialect.Cast(c.Name, SqlType.Text)));
        var rows = await _backend.RowsAsync($"SELECT {columns} FROM {_backend.MetaTable(HeaderTable)} {where}", cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new SnapshotHeader(
            Long(r[0]), r[1] ?? "", DateOnly.ParseExact(r[2]!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime.SpecifyKind(DateTime.ParseExact(r[3]!, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), DateTimeKind.Utc),
            r[4] ?? "", r[5] ?? "", new InputFingerprint(r[6] ?? "", r[7] ?? "", Long(r[8]), Long(r[9])),
            Long(r[10]), r[11] ?? "", r[12] ?? "", Long(r[13]) is var f && f > 0 ? f : null, ReadSchemes(r[14])))];
    }

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static long Long(string? text) => text is null or "" ? 0 : long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
