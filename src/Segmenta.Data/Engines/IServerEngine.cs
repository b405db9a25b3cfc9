using DuckDB.NET.Data;
using Segmenta.Core.Ingest;
using Segmenta.Core.Ports;

namespace Segmenta.Data.Engines;

/// <summary>
/// An engine on a server (PostgreSQL, a ClickHouse cluster): the segmentation port plus what the run service needs
/// around it — a reachability check before anything is written, bulk loading of rows parsed by the DuckDB importer,
/// reading a table that already lives on the server, and streaming the per-customer result back for export.
/// </summary>
public interface IServerEngine : ISegmentationEngine, IAsyncDisposable
{
    /// <summary>Where the engine runs, for messages (e.g. <c>postgres 127.0.0.1:55432</c>).</summary>
    string Description { get; }

    /// <summary>Connects to every server (every shard) and prepares the work schema; throws <see cref="EngineUnavailableException"/> naming the first one that cannot be reached.</summary>
    Task OpenAsync(CancellationToken cancellationToken);

    /// <summary>Copies a table of the (in-memory) DuckDB import store to the engine's table of the same name, replacing it.</summary>
    Task CopyFromDuckDbAsync(DuckDBConnection source, string table, CancellationToken cancellationToken);

    /// <summary>
    /// Drops one of the engine's optional input tables (customers, interactions, surveys), if it exists: a run without
    /// that file must not pick up an earlier run's rows.
    /// </summary>
    Task DropTableAsync(string table, CancellationToken cancellationToken);

    /// <summary>
    /// Uses an existing table or view on the server as the transactions: columns are matched to roles by
    /// <paramref name="columnMap"/> and the usual header names; rows without a customer, date or amount are rejected.
    /// </summary>
    Task<LoadReport> UseTableAsync(string table, IReadOnlyDictionary<string, string> columnMap, CancellationToken cancellationToken);

    /// <summary>Streams the per-customer segment table into a DuckDB table (for the file writers), replacing it.</summary>
    Task CopySegmentsToDuckDbAsync(DuckDBConnection target, string table, CancellationToken cancellationToken);

    /// <summary>
    /// The snapshot store inside the engine (same schema / database as the run's tables): snapshots are written from the
    /// run's per-customer table with SQL inside the engine, and listed, shown and compared there.
    /// </summary>
    Snapshots.ServerSnapshotStore Snapshots { get; }
}
