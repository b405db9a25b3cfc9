using Segmenta.Core.Pipelines;
using Segmenta.Data.Import;

namespace Segmenta.Data.Runs;

/// <summary>Everything one "segment" run needs: inputs, store, scheme settings and outputs.</summary>
public sealed record SegmentationRequest
{
    /// <summary>The transactions file and how to read it; null when <see cref="SourceTable"/> names a table on the engine instead.</summary>
    public ImportOptions? Transactions { get; init; }

    /// <summary>The engine: DuckDB (default, the <see cref="Database"/> file), PostgreSQL or ClickHouse (at <see cref="Source"/>).</summary>
    public Engines.EngineKind Engine { get; init; } = Engines.EngineKind.DuckDb;

    /// <summary>
    /// Where a server engine runs: <c>postgres://user:password@host:port/database[?schema=segmenta]</c> or
    /// <c>clickhouse://host:port,host:port[/database][?cluster=NAME]</c>. Unused for DuckDB.
    /// </summary>
    public string? Source { get; init; }

    /// <summary>A table or view already on the server engine to use as the transactions (instead of a file).</summary>
    public string? SourceTable { get; init; }

    /// <summary>Role → column of <see cref="SourceTable"/> (as <c>--map</c> for a file).</summary>
    public IReadOnlyDictionary<string, string> SourceColumnMap { get; init; } = new Dictionary<string, string>();

    /// <summary>Optional customer attributes file.</summary>
    public ImportOptions? Customers { get; init; }

    /// <summary>Optional interactions file (visits, calls …): adds contact and profitability features.</summary>
    public ImportOptions? Interactions { get; init; }

    /// <summary>Optional survey answers file (NPS, CSAT, needs): adds survey features.</summary>
    public ImportOptions? Surveys { get; init; }

    /// <summary>The DuckDB store file, or <c>:memory:</c>.</summary>
    public string Database { get; init; } = DuckDb.DuckDbStore.DefaultPath;

    /// <summary>Scheme settings and the as-of date.</summary>
    public SegmentationOptions Options { get; init; } = new();

    /// <summary>
    /// User schemes to run after the built-ins, in order: scheme file paths or catalog names (presets and the files of
    /// <see cref="SchemesDirectory"/>), as given to <c>--scheme</c>.
    /// </summary>
    public IReadOnlyList<string> Schemes { get; init; } = [];

    /// <summary>The folder of the user's scheme files (<c>--schemes-dir</c>); null = <c>./schemes</c> when it exists.</summary>
    public string? SchemesDirectory { get; init; }

    /// <summary>Output folder; null writes no files.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Snapshot settings; null stores no snapshot (<c>--no-snapshot</c>).</summary>
    public Snapshots.SnapshotRequest? Snapshot { get; init; } = new();

    /// <summary>Which customer files to write.</summary>
    public OutputFormat Format { get; init; } = OutputFormat.CsvAndXlsx;

    /// <summary>
    /// Order customers.csv by customer id: true always, false never (parallel write), null (default) when there are
    /// at most <see cref="Output.CustomerTableExporter.SortedByDefaultUpTo"/> customers.
    /// </summary>
    public bool? SortedOutput { get; init; }
}

/// <summary>Which per-customer files a run writes.</summary>
public enum OutputFormat
{
    /// <summary><c>customers.csv</c> and <c>customers.xlsx</c>.</summary>
    CsvAndXlsx,
    /// <summary><c>customers.csv</c> only (large runs).</summary>
    Csv,
}
