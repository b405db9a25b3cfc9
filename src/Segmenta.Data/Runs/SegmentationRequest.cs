using Segmenta.Core.Pipelines;
using Segmenta.Data.Import;

namespace Segmenta.Data.Runs;

/// <summary>Everything one "segment" run needs: inputs, store, scheme settings and outputs.</summary>
public sealed record SegmentationRequest
{
    /// <summary>The transactions file and how to read it.</summary>
    public required ImportOptions Transactions { get; init; }

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

    /// <summary>Output folder; null writes no files.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Snapshot settings; null stores no snapshot (<c>--no-snapshot</c>).</summary>
    public Snapshots.SnapshotRequest? Snapshot { get; init; } = new();

    /// <summary>Which customer files to write.</summary>
    public OutputFormat Format { get; init; } = OutputFormat.CsvAndXlsx;
}

/// <summary>Which per-customer files a run writes.</summary>
public enum OutputFormat
{
    /// <summary><c>customers.csv</c> and <c>customers.xlsx</c>.</summary>
    CsvAndXlsx,
    /// <summary><c>customers.csv</c> only (large runs).</summary>
    Csv,
}
