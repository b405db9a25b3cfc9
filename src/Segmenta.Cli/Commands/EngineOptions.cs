using System.CommandLine;
using Segmenta.Core;
using Segmenta.Data.Engines;

namespace Segmenta.Cli.Commands;

/// <summary>Which engine a run uses: <c>--engine duckdb|postgres|clickhouse --source ADDRESS [--table TABLE]</c>.</summary>
internal sealed class EngineOptions
{
    public Option<string> Engine { get; } = new("--engine") { Description = "SQL engine: duckdb (embedded, default), postgres or clickhouse.", DefaultValueFactory = _ => "duckdb" };
    public Option<string?> Source { get; } = new("--source") { Description = "Server engine address: postgres://user:password@host:port/database[?schema=segmenta] or clickhouse://host:port,host:port[/database][?cluster=NAME] (one HTTP address per shard)." };
    public Option<string?> Table { get; } = new("--table") { Description = "Use this table or view on the server engine as the transactions instead of --input (columns matched like file headers; --map to override)." };

    public void AddTo(Command command)
    {
        command.Add(Engine);
        command.Add(Source);
        command.Add(Table);
    }

    public EngineKind Kind(ParseResult parse)
    {
        try
        {
            return ServerEngines.ParseKind(parse.GetValue(Engine) ?? "duckdb");
        }
        catch (SegmentaInputException ex)
        {
            throw new UsageException(ex.Message);
        }
    }
}
