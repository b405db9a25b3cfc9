using DuckDB.NET.Data;
using Segmenta.Data.Customers;
using Segmenta.Data.DuckDb;

namespace Segmenta.Server.Store;

/// <summary>
/// The server's view of the DuckDB store: opens one connection per request (DuckDB.NET shares the open database
/// between connections of one process), keeps one open for the server's lifetime so the database stays loaded, and
/// creates the server's own tables (users, API keys, audit log, uploads, runs, scheme versions).
/// All SQL with user values goes through parameters (the Query and Execute helpers); never concatenated.
/// </summary>
internal sealed partial class ServerStore : IDisposable
{
    /// <summary>The server's tables; names start with <c>segmenta_</c> so they never clash with imported data.</summary>
    public const string Users = "segmenta_users", ApiKeys = "segmenta_api_keys", Audit = "segmenta_audit",
        Uploads = "segmenta_uploads", Runs = "segmenta_runs", SchemeVersions = "segmenta_scheme_versions";

    private static readonly string[] Schema =
    [
        $"CREATE TABLE IF NOT EXISTS {Users} (name VARCHAR PRIMARY KEY, role VARCHAR NOT NULL, password_hash VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL)",
        $"CREATE TABLE IF NOT EXISTS {ApiKeys} (id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, role VARCHAR NOT NULL, key_hash VARCHAR NOT NULL, created_by VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL, revoked_at TIMESTAMP)",
        $"CREATE SEQUENCE IF NOT EXISTS {Audit}_seq",
        $"CREATE TABLE IF NOT EXISTS {Audit} (id BIGINT PRIMARY KEY DEFAULT nextval('{Audit}_seq'), occurred_at TIMESTAMP NOT NULL, actor VARCHAR NOT NULL, action VARCHAR NOT NULL, detail VARCHAR)",
        $"CREATE TABLE IF NOT EXISTS {Uploads} (id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, original_name VARCHAR NOT NULL, path VARCHAR NOT NULL, bytes BIGINT NOT NULL, uploaded_by VARCHAR NOT NULL, uploaded_at TIMESTAMP NOT NULL, settings_json VARCHAR NOT NULL, load_json VARCHAR NOT NULL)",
        $"CREATE TABLE IF NOT EXISTS {Runs} (id VARCHAR PRIMARY KEY, status VARCHAR NOT NULL, started_by VARCHAR NOT NULL, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP, error VARCHAR, summary_json VARCHAR, output_dir VARCHAR)",
        $"CREATE TABLE IF NOT EXISTS {SchemeVersions} (name VARCHAR NOT NULL, version INTEGER NOT NULL, yaml VARCHAR NOT NULL, author VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL, PRIMARY KEY (name, version))",
    ];

    private readonly DuckDBConnection _keeper;
    private readonly System.Collections.Concurrent.ConcurrentBag<DuckDBConnection> _pool = [];
    private IReadOnlyList<string>? _segmentColumns;
    private System.Collections.Concurrent.ConcurrentDictionary<string, object> _pages = new(StringComparer.Ordinal);
    private readonly ILogger? _log;
    private readonly bool _pageTables;
    private readonly Lock _pagesGate = new();
    private SegmentPages? _segmentPages;
    private string? _pagesBuilding;
    private bool _pagesPaused;
    private Task _pagesBuild = Task.CompletedTask;
    private CancellationTokenSource _pagesCancel = new();

    public ServerStore(ServerSettings settings, ILogger<ServerStore>? log = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _log = log;
        _pageTables = settings.PageTables;
        Database = settings.Database;
        _keeper = DuckDbStore.Open(Database);
        foreach (var ddl in Schema) Execute(_keeper, ddl);
    }

    /// <summary>The store file.</summary>
    public string Database { get; }

    /// <summary>A new connection to the store; dispose it after the request.</summary>
    public DuckDBConnection Open() => DuckDbStore.Open(Database);

    /// <summary>
    /// A pooled connection for read-only queries (customers, aggregates): opening one per request costs more than the
    /// query under load. Dispose the lease to return it.
    /// </summary>
    public Lease Rent() => new(this, _pool.TryTake(out var c) ? c : Open());

    /// <summary>The columns of the segment table, cached until the next run finishes.</summary>
    public IReadOnlyList<string> SegmentColumns(DuckDBConnection connection) =>
        _segmentColumns ??= new Data.DuckDb.DuckDbEngine(connection).TableColumns(Data.DuckDb.DuckDbEngine.SegmentsTable);

    /// <summary>Forgets cached table shapes (a run replaced the segment table).</summary>
    public void InvalidateCaches()
    {
        _segmentColumns = null;
        _pages = new(StringComparer.Ordinal);
    }

    /// <summary>
    /// Query results of the newest run, by a key the caller builds from every query parameter. A run's results never
    /// change, so pages stay valid until the next run finishes (then <see cref="InvalidateCaches"/> drops them all).
    /// At most 20,000 pages are kept; past that the cache starts over.
    /// </summary>
    public T CachedPage<T>(string key, Func<T> compute) where T : class
    {
        var pages = _pages;
        if (pages.TryGetValue(key, out var hit)) return (T)hit;
        var value = compute();
        if (pages.Count >= 20_000) pages.Clear();
        pages[key] = value;
        return value;
    }

    /// <summary>The page tables of run <paramref name="runId"/> when they are ready, else null (queries then scan).</summary>
    public SegmentPages? PagesFor(string? runId) =>
        runId is not null && Volatile.Read(ref _segmentPages) is { } p && p.Tag == PagesTag(runId) ? p : null;

    /// <summary>
    /// Starts building the page tables of a finished run in the background (one sorted copy of the segment table per
    /// scheme: <see cref="SegmentPages"/>) unless they are ready, being built, or a run is in progress. Until they are
    /// ready, customer queries scan as before; once they are, the previous run's tables are dropped.
    /// </summary>
    public void EnsurePages(System.Text.Json.Nodes.JsonObject? summary)
    {
        if (!_pageTables || summary?["run_id"]?.GetValue<string>() is not { } runId) return;
        var tag = PagesTag(runId);
        if (Volatile.Read(ref _segmentPages)?.Tag == tag) return; // ready: the common case, no lock
        lock (_pagesGate)
        {
            if (_pagesPaused || _pagesBuilding == tag || Volatile.Read(ref _segmentPages)?.Tag == tag) return;
            var columns = (summary["scheme_details"] as System.Text.Json.Nodes.JsonObject)?
                .Select(p => p.Value?["segment_column"]?.GetValue<string>()).OfType<string>().ToList() ?? [];
            _pagesBuilding = tag;
            var cancel = _pagesCancel.Token;
            var previous = _pagesBuild;
            _pagesBuild = Task.Run(async () =>
            {
                await previous.ConfigureAwait(false);
                try
                {
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    using var connection = Open();
                    var pages = SegmentPages.Build(connection, tag, columns, cancel);
                    Volatile.Write(ref _segmentPages, pages);
                    SegmentPages.DropAll(connection, keepTag: tag);
                    if (_log is not null) Log.PagesBuilt(_log, runId, pages.Columns.Count, watch.ElapsedMilliseconds);
                }
                catch (OperationCanceledException)
                {
                    // a run started: it rebuilds when it finishes
                }
#pragma warning disable CA1031 // A background optimisation: on any failure queries keep scanning; the log has the reason.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    if (_log is not null) Log.PagesFailed(_log, runId, ex);
                }
                finally
                {
                    lock (_pagesGate) if (_pagesBuilding == tag) _pagesBuilding = null;
                }
            });
        }
    }

    /// <summary>Stops page-table building while a run replaces the segment table (the tables in use stay until it finishes).</summary>
    public async Task PausePagesAsync()
    {
        Task running;
        lock (_pagesGate)
        {
            _pagesPaused = true;
            _pagesCancel.Cancel();
            _pagesCancel.Dispose();
            _pagesCancel = new CancellationTokenSource();
            running = _pagesBuild;
        }
        await running.ConfigureAwait(false);
    }

    /// <summary>Lets <see cref="EnsurePages"/> build again (a run finished) and starts it for the newest run.</summary>
    public void ResumePages(System.Text.Json.Nodes.JsonObject? summary)
    {
        lock (_pagesGate) _pagesPaused = false;
        EnsurePages(summary);
    }

    /// <summary>Waits for the current page-table build (tests).</summary>
    public Task PagesBuild
    {
        get { lock (_pagesGate) return _pagesBuild; }
    }

    private static string PagesTag(string runId) =>
        new(runId.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray());

    /// <summary>A rented connection.</summary>
    public readonly struct Lease(ServerStore owner, DuckDBConnection connection) : IDisposable
    {
        public DuckDBConnection Connection { get; } = connection;

        public void Dispose()
        {
            if (owner._pool.Count < 64) owner._pool.Add(Connection);
            else Connection.Dispose();
        }
    }

    /// <summary>Runs a statement with positional parameters (<c>?</c>).</summary>
    public int Execute(string sql, params object?[] args)
    {
        using var connection = Open();
        return Execute(connection, sql, args);
    }

    /// <summary>Runs a query with positional parameters (<c>?</c>) and returns every row.</summary>
    public List<object?[]> Query(string sql, params object?[] args)
    {
        using var connection = Open();
        return Query(connection, sql, args);
    }

    /// <summary>Runs a statement on <paramref name="connection"/>.</summary>
    public static int Execute(DuckDBConnection connection, string sql, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var cmd = Command(connection, sql, args);
        return cmd.ExecuteNonQuery();
    }

    /// <summary>Runs a query on <paramref name="connection"/> and returns every row.</summary>
    public static List<object?[]> Query(DuckDBConnection connection, string sql, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var cmd = Command(connection, sql, args);
        using var reader = cmd.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private static DuckDBCommand Command(DuckDBConnection connection, string sql, object?[] args)
    {
        var cmd = connection.CreateCommand();
#pragma warning disable CA2100 // SQL text is ours; every user value is a parameter.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        foreach (var a in args) cmd.Parameters.Add(new DuckDBParameter(a ?? DBNull.Value));
        return cmd;
    }

    public void Dispose()
    {
        lock (_pagesGate) _pagesCancel.Cancel();
        try { _pagesBuild.Wait(TimeSpan.FromSeconds(30)); }
        catch (AggregateException) { /* logged by the build */ }
        _pagesCancel.Dispose();
        while (_pool.TryTake(out var c)) c.Dispose();
        _keeper.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Page tables of run {RunId} ready: {Schemes} scheme(s) in {Milliseconds} ms")]
        public static partial void PagesBuilt(ILogger logger, string runId, int schemes, long milliseconds);

        [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Page tables of run {RunId} could not be built; customer queries keep scanning")]
        public static partial void PagesFailed(ILogger logger, string runId, Exception exception);
    }
}
