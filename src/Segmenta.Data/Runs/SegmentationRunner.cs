using System.Diagnostics;
using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Core.Ingest;
using Segmenta.Core.Pipelines;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Engines;
using Segmenta.Data.Import;
using Segmenta.Data.Output;

namespace Segmenta.Data.Runs;

/// <summary>
/// The "run a segmentation" application service: import → features → schemes → outputs, on the embedded DuckDB
/// store (default) or on a PostgreSQL server or ClickHouse cluster. The CLI and the server call this and nothing
/// else, so they never disagree.
/// </summary>
public static class SegmentationRunner
{
    /// <summary>Output file names inside the output folder.</summary>
    public const string CustomersCsv = "customers.csv", CustomersXlsx = "customers.xlsx", SummaryJson = "summary.json", RejectsCsv = "rejects.csv";

    /// <summary>
    /// Runs the whole job. Bad input throws <see cref="SegmentaInputException"/> before any output but the rejects file
    /// is written; an unreachable server or shard throws <see cref="EngineUnavailableException"/> and nothing is written.
    /// </summary>
    public static Task<SegmentationRun> RunAsync(
        SegmentationRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Engine == EngineKind.DuckDb
            ? RunOnDuckDbAsync(request, progress, cancellationToken)
            : RunOnServerAsync(request, progress, cancellationToken);
    }

    private static async Task<SegmentationRun> RunOnDuckDbAsync(SegmentationRequest request, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (request.Transactions is null)
            throw new SegmentaInputException("--table reads a table on a server engine: add --engine postgres|clickhouse --source …, or give --input FILE.");
        var steps = new Steps();
        var outDir = request.OutputDirectory;
        if (outDir is not null) Directory.CreateDirectory(outDir);
        using var connection = DuckDbStore.Open(request.Database);
        var engine = new DuckDbEngine(connection);

        progress?.Report("import");
        var (transactions, customers) = Import(connection, request, outDir, cancellationToken);
        if (request.Customers is null && engine.TableExists(DuckDbEngine.CustomersTable))
        {
            // A customers table from an earlier import of another file would attach stale attributes.
            engine.Execute($"DROP TABLE {DuckDbEngine.CustomersTable}");
        }
        steps.Lap("import");

        progress?.Report("segment");
        var result = await SegmentationPipeline.RunAsync(engine, request.Options, cancellationToken).ConfigureAwait(false);
        steps.Lap("segment");
        return WriteOutputs(connection, request, progress, transactions, customers, result, steps);
    }

    private static async Task<SegmentationRun> RunOnServerAsync(SegmentationRequest request, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if ((request.Transactions is null) == (request.SourceTable is null))
            throw new SegmentaInputException("Give either --input FILE (loaded into the engine) or --table TABLE (already on the engine), not both or neither.");
        var steps = new Steps();
        await using var engine = ServerEngines.Create(request.Engine, request.Source);
        progress?.Report("connect");
        // Every server / shard is checked before anything is written.
        await engine.OpenAsync(cancellationToken).ConfigureAwait(false);
        steps.Lap("connect");

        var outDir = request.OutputDirectory;
        if (outDir is not null) Directory.CreateDirectory(outDir);
        // Files are parsed by the one importer (DuckDB, in memory), then the typed rows are bulk-copied to the engine,
        // so every engine sees the same accepted rows and the same rejects.
        using var local = DuckDbStore.Open(":memory:");
        progress?.Report("import");
        LoadReport transactions;
        LoadReport? customers = null;
        if (request.SourceTable is { } table)
        {
            transactions = await engine.UseTableAsync(table, request.SourceColumnMap, cancellationToken).ConfigureAwait(false);
            await engine.DropCustomersAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            (transactions, customers) = Import(local, request, outDir, cancellationToken);
            await engine.CopyFromDuckDbAsync(local, DuckDbEngine.TransactionsTable, cancellationToken).ConfigureAwait(false);
            Db.Execute(local, $"DROP TABLE {DuckDbEngine.TransactionsTable}");
            if (customers is not null)
                await engine.CopyFromDuckDbAsync(local, DuckDbEngine.CustomersTable, cancellationToken).ConfigureAwait(false);
            else
                await engine.DropCustomersAsync(cancellationToken).ConfigureAwait(false);
        }
        steps.Lap("import");

        progress?.Report("segment");
        var result = await SegmentationPipeline.RunAsync(engine, request.Options, cancellationToken).ConfigureAwait(false);
        steps.Lap("segment");

        // Seam for the snapshot store: a snapshot is written here, after every engine step has succeeded and before
        // any output file, so a failed run (e.g. a shard down) leaves neither a snapshot nor customers.csv/summary.json.
        if (outDir is not null)
        {
            progress?.Report("fetch");
            await engine.CopySegmentsToDuckDbAsync(local, DuckDbEngine.SegmentsTable, cancellationToken).ConfigureAwait(false);
            steps.Lap("fetch");
        }
        return WriteOutputs(local, request, progress, transactions, customers, result, steps);
    }

    private static (LoadReport Transactions, LoadReport? Customers) Import(
        DuckDBConnection connection, SegmentationRequest request, string? outDir, CancellationToken cancellationToken)
    {
        var transactionsOptions = request.Transactions! with
        {
            RejectsPath = request.Transactions!.RejectsPath ?? (outDir is null ? null : Path.Combine(outDir, RejectsCsv)),
        };
        var transactions = Importer.Import(connection, transactionsOptions, cancellationToken);
        LoadReport? customers = null;
        if (request.Customers is not null)
        {
            var customerOptions = request.Customers with
            {
                Kind = ImportKind.Customers,
                RejectsPath = request.Customers.RejectsPath ?? (outDir is null ? null : Path.Combine(outDir, "customers_" + RejectsCsv)),
            };
            customers = Importer.Import(connection, customerOptions, cancellationToken);
        }
        return (transactions, customers);
    }

    /// <summary>customers.csv / .xlsx from the segment table of <paramref name="connection"/>, then summary.json.</summary>
    private static SegmentationRun WriteOutputs(
        DuckDBConnection connection, SegmentationRequest request, IProgress<string>? progress,
        LoadReport transactions, LoadReport? customers, SegmentationResult result, Steps steps)
    {
        var outDir = request.OutputDirectory;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var notes = new List<string>();
        if (transactions.RejectsFile is not null) files["rejects"] = transactions.RejectsFile;
        if (customers?.RejectsFile is not null) files["customer_rejects"] = customers.RejectsFile;
        if (outDir is not null)
        {
            progress?.Report("write");
            var csv = Path.Combine(outDir, CustomersCsv);
            CustomerTableExporter.WriteCsv(connection, DuckDbEngine.SegmentsTable, csv);
            files["customers_csv"] = csv;
            steps.Lap("write_csv");
            var xlsx = Path.Combine(outDir, CustomersXlsx);
            if (request.Format == OutputFormat.CsvAndXlsx)
            {
                var sheets = CustomerTableExporter.WriteXlsx(connection, DuckDbEngine.SegmentsTable, xlsx);
                files["customers_xlsx"] = xlsx;
                if (sheets > 1)
                    notes.Add($"customers.xlsx: {result.Features.Customers:N0} customers exceed Excel's 1,048,576 rows per sheet; split across {sheets} sheets.");
                steps.Lap("write_xlsx");
            }
            else
            {
                notes.Add("customers.xlsx skipped (--format csv).");
            }
        }
        var run = new SegmentationRun(transactions, customers, result, files, notes, steps.Seconds);
        if (outDir is not null)
        {
            var summary = Path.Combine(outDir, SummaryJson);
            AtomicFile.Write(summary, temp => File.WriteAllText(temp, RunSummary.ToJson(run)));
            files["summary_json"] = summary;
        }
        return run;
    }

    /// <summary>Wall time per step, for the summary and benchmarks.</summary>
    private sealed class Steps
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public Dictionary<string, double> Seconds { get; } = new(StringComparer.Ordinal);

        public void Lap(string step)
        {
            Seconds[step] = Math.Round(_clock.Elapsed.TotalSeconds, 3);
            _clock.Restart();
        }
    }
}
