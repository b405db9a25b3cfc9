using System.Diagnostics;
using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Core.Ingest;
using Segmenta.Core.Pipelines;
using Segmenta.Data.Alerts;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Engines;
using Segmenta.Data.Import;
using Segmenta.Data.Output;
using Segmenta.Data.Schemes;
using Segmenta.Data.Snapshots;

namespace Segmenta.Data.Runs;

/// <summary>
/// The "run a segmentation" application service: import → features → schemes → outputs → snapshot, on the embedded
/// DuckDB store (default) or on a PostgreSQL server or ClickHouse cluster. The CLI and the server call this and
/// nothing else, so they never disagree.
/// </summary>
public static class SegmentationRunner
{
    /// <summary>Output file names inside the output folder.</summary>
    public const string CustomersCsv = "customers.csv", CustomersXlsx = "customers.xlsx", SummaryJson = "summary.json", RejectsCsv = "rejects.csv";

    /// <summary>The optional input tables: imported when their file is given, dropped otherwise.</summary>
    private static readonly ImportKind[] OptionalInputs = [ImportKind.Customers, ImportKind.Interactions, ImportKind.Surveys];

    /// <summary>
    /// Runs the whole job. Bad input throws <see cref="SegmentaInputException"/> before any output but the rejects file
    /// is written; an unreachable server or shard throws <see cref="EngineUnavailableException"/> and nothing is written
    /// (no output file, no snapshot).
    /// </summary>
    public static Task<SegmentationRun> RunAsync(
        SegmentationRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Scheme files are read (and their structure checked) before any work, so a typo fails in milliseconds.
        var options = request.Options with { Schemes = [.. request.Options.Schemes, .. ResolveSchemes(request)] };
        return request.Engine == EngineKind.DuckDb
            ? RunOnDuckDbAsync(request, options, progress, cancellationToken)
            : RunOnServerAsync(request, options, progress, cancellationToken);
    }

    private static async Task<SegmentationRun> RunOnDuckDbAsync(SegmentationRequest request, SegmentationOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (request.Transactions is null)
            throw new SegmentaInputException("--table reads a table on a server engine: add --engine postgres|clickhouse --source …, or give --input FILE.");
        var steps = new Steps();
        var outDir = request.OutputDirectory;
        if (outDir is not null) Directory.CreateDirectory(outDir);
        using var gate = await StoreGate.EnterAsync(request.Database, cancellationToken).ConfigureAwait(false);
        using var connection = DuckDbStore.Open(request.Database);
        var engine = new DuckDbEngine(connection);

        progress?.Report("import");
        var loads = Import(connection, request, outDir, cancellationToken);
        foreach (var kind in OptionalInputs)
        {
            // A table from an earlier import of another file would attach stale attributes or contacts.
            var table = ImportOptions.DefaultTable(kind);
            if (loads.Of(kind) is null && engine.TableExists(table)) engine.Execute($"DROP TABLE {table}");
        }
        steps.Lap("import");

        progress?.Report("segment");
        var notes = new List<string>();
        options = SnapshotRunStep.Prepare(connection, request.Snapshot, options, notes);
        var result = await SegmentationPipeline.RunAsync(engine, options, cancellationToken).ConfigureAwait(false);
        if (request.Database != ":memory:") result = SnapshotRunStep.Stabilize(connection, request.Snapshot, options, result, notes);
        SegmentRunStore.Save(connection, result);
        steps.Lap("segment");
        return Finish(connection, connection, request.Database != ":memory:", request, progress, loads, result, steps, notes);
    }

    private static async Task<SegmentationRun> RunOnServerAsync(SegmentationRequest request, SegmentationOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if ((request.Transactions is null) == (request.SourceTable is null))
            throw new SegmentaInputException("Give either --input FILE (loaded into the engine) or --table TABLE (already on the engine), not both or neither.");
        ServerSnapshotRunStep.RejectStability(request.Snapshot, request.Engine.ToString().ToLowerInvariant());
        var steps = new Steps();
        await using var engine = ServerEngines.Create(request.Engine, request.Source);
        progress?.Report("connect");
        // Every server / shard is checked before anything is written (no output folder content, no store file).
        await engine.OpenAsync(cancellationToken).ConfigureAwait(false);
        steps.Lap("connect");

        var outDir = request.OutputDirectory;
        if (outDir is not null) Directory.CreateDirectory(outDir);
        // The snapshot is written inside the engine (ServerSnapshotStore: SQL from the run's tables, nothing per customer
        // travels). The local DuckDB store keeps what `segmenta report` reads (the per-customer table streamed back for
        // the files, customer_features, the run record); without a snapshot request the store is not touched.
        var keepsSnapshot = request.Snapshot is not null && request.Database != ":memory:";
        using var gate = keepsSnapshot ? await StoreGate.EnterAsync(request.Database, cancellationToken).ConfigureAwait(false) : null;
        using var store = keepsSnapshot ? DuckDbStore.Open(request.Database) : null;
        // Files are parsed by the one importer (DuckDB, in memory), then the typed rows are bulk-copied to the engine,
        // so every engine sees the same accepted rows and the same rejects.
        using var local = DuckDbStore.Open(":memory:");
        progress?.Report("import");
        Loads loads;
        if (request.SourceTable is { } table)
        {
            var transactions = await engine.UseTableAsync(table, request.SourceColumnMap, cancellationToken).ConfigureAwait(false);
            loads = Import(local, request, outDir, cancellationToken) with { Transactions = transactions };
        }
        else
        {
            loads = Import(local, request, outDir, cancellationToken);
            await engine.CopyFromDuckDbAsync(local, DuckDbEngine.TransactionsTable, cancellationToken).ConfigureAwait(false);
            Db.Execute(local, $"DROP TABLE {DuckDbEngine.TransactionsTable}");
        }
        foreach (var kind in OptionalInputs)
        {
            var name = ImportOptions.DefaultTable(kind);
            if (loads.Of(kind) is not null) await engine.CopyFromDuckDbAsync(local, name, cancellationToken).ConfigureAwait(false);
            else await engine.DropTableAsync(name, cancellationToken).ConfigureAwait(false);
        }
        steps.Lap("import");

        progress?.Report("segment");
        var notes = new List<string>();
        options = await ServerSnapshotRunStep.PrepareAsync(engine.Snapshots, request.Snapshot, options, notes, cancellationToken).ConfigureAwait(false);
        var result = await SegmentationPipeline.RunAsync(engine, options, cancellationToken).ConfigureAwait(false);
        steps.Lap("segment");

        SnapshotHeader? snapshot = null;
        AlertReport? alerts = null;
        if (request.Snapshot is { } snapshotRequest)
        {
            progress?.Report("snapshot");
            snapshot = await ServerSnapshotRunStep.SaveAsync(engine.Snapshots, snapshotRequest, result, Fingerprint(request, loads), cancellationToken).ConfigureAwait(false);
            if (snapshotRequest.AlertRulesPath is { } rules)
                alerts = await AlertRunner.EvaluateAsync(engine.Snapshots, rules, snapshot.Id, outDir, cancellationToken).ConfigureAwait(false);
            steps.Lap("snapshot");
        }

        // Only now, after every engine step has succeeded, is anything written: a failed run (e.g. a shard down)
        // leaves neither a snapshot nor customers.csv / summary.json.
        var target = store ?? local;
        if (outDir is not null || store is not null)
        {
            progress?.Report("fetch");
            const string incoming = "customer_segments_incoming";
            await engine.CopySegmentsToDuckDbAsync(target, incoming, cancellationToken).ConfigureAwait(false);
            // The store may hold an earlier DuckDB run's view (customer_segments over customer_assignments): both go.
            var targetEngine = new DuckDbEngine(target);
            targetEngine.DropRelation(DuckDbEngine.SegmentsTable);
            targetEngine.DropRelation(DuckDbEngine.AssignmentsTable);
            Db.Execute(target, $"ALTER TABLE {incoming} RENAME TO {DuckDbEngine.SegmentsTable}");
            if (store is not null)
            {
                MirrorRunTables(local, store, result);
                SegmentRunStore.Save(store, result);
            }
            steps.Lap("fetch");
        }
        return Finish(target, store, false, request, progress, loads, result, steps, notes, (snapshot, alerts));
    }

    /// <summary>
    /// Makes the local store describe this server run, as a DuckDB run would leave it: <c>customer_features</c> (the
    /// feature columns of the streamed-back segment table), the optional inputs that were given (customers,
    /// interactions — read by plan adherence —, surveys); tables of an earlier run whose rows now live on the server
    /// (transactions, inputs not given this time) are dropped so no later command mixes two runs.
    /// </summary>
    private static void MirrorRunTables(DuckDBConnection local, DuckDBConnection store, SegmentationResult result)
    {
        var engine = new DuckDbEngine(store);
        var dialect = Sql.DuckDbDialect.Instance;
        var features = result.Features.Columns.Concat(result.Models?.ColumnNames ?? []).Select(dialect.QuoteIdentifier);
        DuckDbEngine.DropRunView(store, DuckDbEngine.FeaturesTable);
        engine.Execute($"CREATE OR REPLACE TABLE {DuckDbEngine.FeaturesTable} AS SELECT {string.Join(", ", features)} FROM {DuckDbEngine.SegmentsTable}");
        if (engine.TableExists(DuckDbEngine.TransactionsTable)) engine.Execute($"DROP TABLE {DuckDbEngine.TransactionsTable}");
        var source = new DuckDbEngine(local);
        foreach (var kind in OptionalInputs)
        {
            var table = ImportOptions.DefaultTable(kind);
            if (engine.TableExists(table)) engine.Execute($"DROP TABLE {table}");
            if (!source.TableExists(table)) continue;
            var columns = EngineColumn.OfDuckDbTable(local, table);
            using var sink = new DuckDbRowSink(store, table, columns);
            using var reader = source.Query($"SELECT * FROM {table}");
            var values = new object?[columns.Count];
            while (reader.Read())
            {
                for (var i = 0; i < values.Length; i++) values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                sink.Add(values);
            }
        }
    }

    /// <summary>The files of one run's inputs as loaded (null: not given).</summary>
    private sealed record Loads(LoadReport Transactions, LoadReport? Customers, LoadReport? Interactions, LoadReport? Surveys)
    {
        public LoadReport? Of(ImportKind kind) => kind switch
        {
            ImportKind.Customers => Customers,
            ImportKind.Interactions => Interactions,
            ImportKind.Surveys => Surveys,
            _ => Transactions,
        };
    }

    /// <summary>
    /// Imports the transactions file (when given; a server run with --table has none: its report is replaced by the
    /// caller) and the optional files, rejects next to the outputs.
    /// </summary>
    private static Loads Import(DuckDBConnection connection, SegmentationRequest request, string? outDir, CancellationToken cancellationToken)
    {
        LoadReport? transactions = null;
        if (request.Transactions is { } file)
        {
            transactions = Importer.Import(connection, file with
            {
                RejectsPath = file.RejectsPath ?? (outDir is null ? null : Path.Combine(outDir, RejectsCsv)),
            }, cancellationToken);
        }
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
        var interactions = ImportOptional(connection, request.Interactions, ImportKind.Interactions, outDir, cancellationToken);
        var surveys = ImportOptional(connection, request.Surveys, ImportKind.Surveys, outDir, cancellationToken);
        return new Loads(transactions!, customers, interactions, surveys);
    }

    /// <summary>
    /// Imports an optional interactions or surveys file into its table (rejects next to the outputs as
    /// <c>interactions_rejects.csv</c> / <c>surveys_rejects.csv</c>), or null when none was given.
    /// </summary>
    private static LoadReport? ImportOptional(
        DuckDBConnection connection, ImportOptions? options, ImportKind kind, string? outDir, CancellationToken cancellationToken)
    {
        if (options is null) return null;
        var table = ImportOptions.DefaultTable(kind);
        return Importer.Import(connection, options with
        {
            Kind = kind,
            TableName = table,
            RejectsPath = options.RejectsPath ?? (outDir is null ? null : Path.Combine(outDir, table + "_" + RejectsCsv)),
        }, cancellationToken);
    }

    /// <summary>
    /// customers.csv / .xlsx from the segment table of <paramref name="connection"/>, then the snapshot (when asked for and
    /// <paramref name="keepsSnapshot"/>) and the run record in <paramref name="store"/> (none when null: a server run
    /// without a snapshot), then summary.json.
    /// </summary>
    private static SegmentationRun Finish(
        DuckDBConnection connection, DuckDBConnection? store, bool keepsSnapshot, SegmentationRequest request, IProgress<string>? progress,
        Loads loads, SegmentationResult result, Steps steps, List<string> notes, (SnapshotHeader? Snapshot, AlertReport? Alerts) engineSnapshot = default)
    {
        var outDir = request.OutputDirectory;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        if (loads.Transactions.RejectsFile is not null) files["rejects"] = loads.Transactions.RejectsFile;
        if (loads.Customers?.RejectsFile is not null) files["customer_rejects"] = loads.Customers.RejectsFile;
        if (loads.Interactions?.RejectsFile is not null) files["interaction_rejects"] = loads.Interactions.RejectsFile;
        if (loads.Surveys?.RejectsFile is not null) files["survey_rejects"] = loads.Surveys.RejectsFile;
        if (outDir is not null)
        {
            progress?.Report("write");
            var csv = Path.Combine(outDir, CustomersCsv);
            // The customer count is known: no count over the segments view (a join) to pick the default order.
            var sorted = request.SortedOutput ?? result.Features.Customers <= CustomerTableExporter.SortedByDefaultUpTo;
            CustomerTableExporter.WriteCsv(connection, DuckDbEngine.SegmentsTable, csv, sorted);
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
        var run = new SegmentationRun(loads.Transactions, loads.Customers, result, files, notes, steps.Seconds) { Interactions = loads.Interactions, Surveys = loads.Surveys, Snapshot = engineSnapshot.Snapshot, Alerts = engineSnapshot.Alerts };
        if (engineSnapshot.Alerts?.File is { } engineAlerts) files["alerts"] = engineAlerts;
        if (request.Snapshot is { } snapshotRequest && store is not null && keepsSnapshot)
        {
            progress?.Report("snapshot");
            var input = Fingerprint(request, loads);
            var snapshot = SnapshotRunStep.Save(store, snapshotRequest, result, input);
            var alerts = snapshotRequest.AlertRulesPath is { } rules ? AlertRunner.Evaluate(store, rules, snapshot.Id, outDir) : null;
            if (alerts?.File is { } alertsFile) files["alerts"] = alertsFile;
            run = run with { Snapshot = snapshot, Alerts = alerts };
            steps.Lap("snapshot");
        }
        // The facts a later `segmenta report --db FILE` needs that the tables do not hold.
        if (store is not null) Reporting.RunRecordStore.Save(store, Reporting.RunRecord.From(run, [.. request.Options.Schemes, .. ResolveSchemes(request)]));
        if (outDir is not null)
        {
            var summary = Path.Combine(outDir, SummaryJson);
            AtomicFile.Write(summary, temp => File.WriteAllText(temp, RunSummary.ToJson(run)));
            files["summary_json"] = summary;
        }
        return run;
    }

    /// <summary>What the snapshot was computed from. A table on the server has no file to hash: the fingerprint names the table and its row count.</summary>
    private static InputFingerprint Fingerprint(SegmentationRequest request, Loads loads) => request.Transactions is { } file
        ? InputFingerprint.Of(file.Path, loads.Transactions.RowsRead)
        : new InputFingerprint($"{request.Engine.ToString().ToLowerInvariant()}:{request.SourceTable}", "", 0, loads.Transactions.RowsRead);

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
                throw new SegmentaInputException($"--scheme {reference}: scheme \"{document.Definition.Name}\" is given twice — give each scheme once.");
            var source = catalog.Find(document.Definition.Name) is { IsPreset: true } entry && ReferenceEquals(entry.Document, document)
                ? CatalogEntry.PresetSource
                : document.Source;
            schemes.Add(new UserScheme(document.Definition, source) { Locate = message => document.Locate(message).ToString() });
        }
        return schemes;
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
