using System.CommandLine;
using Segmenta.Core;
using Segmenta.Data.Engines;
using Segmenta.Data.Snapshots;

namespace Segmenta.Cli.Commands;

/// <summary>
/// <c>--engine postgres|clickhouse --source ADDRESS</c> on the snapshot commands: read the snapshots stored inside that
/// engine (written by <c>segment --engine …</c>) instead of the DuckDB store <c>--db</c>.
/// </summary>
internal sealed class SnapshotEngineOptions
{
    public Option<string> Engine { get; } = new("--engine") { Description = "Where the snapshots are: duckdb (the --db store, default), postgres or clickhouse (inside the engine, with --source).", DefaultValueFactory = _ => "duckdb" };
    public Option<string?> Source { get; } = new("--source") { Description = "Server engine address, as for segment --engine (postgres://…?schema=… or clickhouse://host:port,host:port/database)." };

    public void AddTo(Command command)
    {
        command.Add(Engine);
        command.Add(Source);
    }

    /// <summary>Runs <paramref name="duckDb"/> on the DuckDB store, or <paramref name="server"/> on the engine's snapshot store.</summary>
    public async Task<T> WithStoreAsync<T>(
        ParseResult parse, Option<string> db, Func<DuckDB.NET.Data.DuckDBConnection, T> duckDb, Func<ServerSnapshotStore, Task<T>> server, CancellationToken cancellationToken)
    {
        EngineKind kind;
        try
        {
            kind = ServerEngines.ParseKind(parse.GetValue(Engine) ?? "duckdb");
        }
        catch (SegmentaInputException ex)
        {
            throw new UsageException(ex.Message);
        }
        if (kind == EngineKind.DuckDb) return SnapshotsCommand.WithStore(parse.GetRequiredValue(db), duckDb);
        await using var engine = ServerEngines.Create(kind, parse.GetValue(Source));
        await engine.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await server(engine.Snapshots).ConfigureAwait(false);
    }
}
