using System.Diagnostics;
using Segmenta.Core.Ingest;
using Segmenta.Core.Pipelines;
using Segmenta.Data.Alerts;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;
using Segmenta.Data.Output;
using Segmenta.Data.Schemes;
using Segmenta.Data.Snapshots;

namespace Segmenta.Data.Runs;

/// <summary>
/// The "run a segmentation" application service: import → features → schemes → outputs, on the embedded
/// DuckDB store. The CLI and the server call this and nothing else, so they never disagree.
/// </summary>
public static class SegmentationRunner
{
    /// <summary>Output file names inside the output folder.</summary>
    public const string CustomersCsv = "customers.csv", CustomersXlsx = "customers.xlsx", SummaryJson = "summary.json", RejectsCsv = "rejects.csv";

    /// <summary>Runs the whole job. Bad input throws <see cref="Core.SegmentaInputException"/> before any output but the rejects file is written.</summary>
    public static async Task<SegmentationRun> RunAsync(
        SegmentationRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var steps = new Dictionary<string, double>(StringComparer.Ordinal);
        void Lap(string step)
        {
            steps[step] = Math.Round(clock.Elapsed.TotalSeconds, 3);
            clock.Restart();
        }

        // Scheme files are read (and their structure checked) before any work, so a typo fails in milliseconds.
        var options = request.Options with { Schemes = [.. request.Options.Schemes, .. ResolveSchemes(request)] };
        var outDir = request.OutputDirectory;
        if (outDir is not null) Directory.CreateDirectory(outDir);
        using var gate = await StoreGate.EnterAsync(request.Database, cancellationToken).ConfigureAwait(false);
        using var connection = DuckDbStore.Open(request.Database);
        var engine = new DuckDbEngine(connection);

        progress?.Report("import");
        var transactionsOptions = request.Transactions with
        {
            RejectsPath = request.Transactions.RejectsPath ?? (outDir is null ? null : Path.Combine(outDir, RejectsCsv)),
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
        else if (engine.TableExists(DuckDbEngine.CustomersTable))
        {
            // A customers table from an earlier import of another file would attach stale attributes.
            engine.Execute($"DROP TABLE {DuckDbEngine.CustomersTable}");
        }
        var interactions = ImportOptional(connection, engine, request.Interactions, ImportKind.Interactions, outDir, cancellationToken);
        var surveys = ImportOptional(connection, engine, request.Surveys, ImportKind.Surveys, outDir, cancellationToken);
        Lap("import");

        progress?.Report("segment");
        var notes = new List<string>();
        options = SnapshotRunStep.Prepare(connection, request.Snapshot, options, notes);
        var result = await SegmentationPipeline.RunAsync(engine, options, cancellationToken).ConfigureAwait(false);
        SegmentRunStore.Save(connection, result);
        Lap("segment");

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        if (transactions.RejectsFile is not null) files["rejects"] = transactions.RejectsFile;
        if (customers?.RejectsFile is not null) files["customer_rejects"] = customers.RejectsFile;
        if (interactions?.RejectsFile is not null) files["interaction_rejects"] = interactions.RejectsFile;
        if (surveys?.RejectsFile is not null) files["survey_rejects"] = surveys.RejectsFile;
        if (outDir is not null)
        {
            progress?.Report("write");
            var csv = Path.Combine(outDir, CustomersCsv);
            CustomerTableExporter.WriteCsv(connection, DuckDbEngine.SegmentsTable, csv, request.SortedOutput);
            files["customers_csv"] = csv;
            Lap("write_csv");
            var xlsx = Path.Combine(outDir, CustomersXlsx);
            if (request.Format == OutputFormat.CsvAndXlsx)
            {
                var sheets = CustomerTableExporter.WriteXlsx(connection, DuckDbEngine.SegmentsTable, xlsx);
                files["customers_xlsx"] = xlsx;
                if (sheets > 1)
                    notes.Add($"customers.xlsx: {result.Features.Customers:N0} customers exceed Excel's 1,048,576 rows per sheet; split across {sheets} sheets.");
                Lap("write_xlsx");
            }
            else
            {
                notes.Add("customers.xlsx skipped (--format csv).");
            }
        }
        var run = new SegmentationRun(transactions, customers, result, files, notes, steps) { Interactions = interactions, Surveys = surveys };
        if (request.Snapshot is { } snapshotRequest && request.Database != ":memory:")
        {
            progress?.Report("snapshot");
            var snapshot = SnapshotRunStep.Save(connection, snapshotRequest, result, InputFingerprint.Of(request.Transactions.Path, transactions.RowsRead));
            var alerts = snapshotRequest.AlertRulesPath is { } rules ? AlertRunner.Evaluate(connection, rules, snapshot.Id, outDir) : null;
            if (alerts?.File is { } alertsFile) files["alerts"] = alertsFile;
            run = run with { Snapshot = snapshot, Alerts = alerts };
            Lap("snapshot");
        }
        // The facts a later `segmenta report --db FILE` needs that the tables do not hold.
        Reporting.RunRecordStore.Save(connection, Reporting.RunRecord.From(run));
        if (outDir is not null)
        {
            var summary = Path.Combine(outDir, SummaryJson);
            AtomicFile.Write(summary, temp => File.WriteAllText(temp, RunSummary.ToJson(run)));
            files["summary_json"] = summary;
        }
        return run;
    }

    /// <summary>
    /// Imports an optional interactions or surveys file into its table (rejects next to the outputs as
    /// <c>interactions_rejects.csv</c> / <c>surveys_rejects.csv</c>); without one, drops the table an earlier run left, so
    /// stale contacts never leak into this run's features.
    /// </summary>
    private static LoadReport? ImportOptional(
        DuckDB.NET.Data.DuckDBConnection connection, DuckDbEngine engine, ImportOptions? options, ImportKind kind, string? outDir, CancellationToken cancellationToken)
    {
        var table = ImportOptions.DefaultTable(kind);
        if (options is null)
        {
            if (engine.TableExists(table)) engine.Execute($"DROP TABLE {table}");
            return null;
        }
        return Importer.Import(connection, options with
        {
            Kind = kind,
            TableName = table,
            RejectsPath = options.RejectsPath ?? (outDir is null ? null : Path.Combine(outDir, table + "_" + RejectsCsv)),
        }, cancellationToken);
    }

    /// <summary>The request's <c>--scheme</c> arguments as user schemes whose problems point at their file's lines.</summary>
    public static IReadOnlyList<UserScheme> ResolveSchemes(SegmentationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Schemes.Count == 0) return [];
        var catalog = SchemeCatalog.Create(request.SchemesDirectory);
        var schemes = new List<UserScheme>();
        foreach (var reference in request.Schemes)
        {
            var document = catalog.Resolve(reference);
            var structure = SchemeYamlLoader.Check(document, schema: null);
            if (structure.Count > 0) throw new SchemeFileException(structure);
            if (schemes.Any(s => s.Definition.Name == document.Definition.Name))
                throw new Core.SegmentaInputException($"--scheme {reference}: scheme \"{document.Definition.Name}\" is given twice — give each scheme once.");
            var source = catalog.Find(document.Definition.Name) is { IsPreset: true } entry && ReferenceEquals(entry.Document, document)
                ? CatalogEntry.PresetSource
                : document.Source;
            schemes.Add(new UserScheme(document.Definition, source) { Locate = message => document.Locate(message).ToString() });
        }
        return schemes;
    }
}
