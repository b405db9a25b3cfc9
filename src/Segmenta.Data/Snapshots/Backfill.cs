using Segmenta.Core.Pipelines;
using Segmenta.Core.Snapshots;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Import;

namespace Segmenta.Data.Snapshots;

/// <summary>Settings of a backfill: one transactions history, a range of months and a frequency.</summary>
public sealed record BackfillRequest
{
    /// <summary>The transactions file.</summary>
    public required ImportOptions Transactions { get; init; }

    /// <summary>Optional customer attributes file.</summary>
    public ImportOptions? Customers { get; init; }

    /// <summary>The store.</summary>
    public string Database { get; init; } = DuckDbStore.DefaultPath;

    /// <summary>Scheme settings (the as-of date is set per snapshot).</summary>
    public SegmentationOptions Options { get; init; } = new();

    /// <summary>First month (year and month used).</summary>
    public required DateOnly From { get; init; }

    /// <summary>Last month (year and month used).</summary>
    public required DateOnly To { get; init; }

    /// <summary>Monthly or quarterly.</summary>
    public BackfillEvery Every { get; init; } = BackfillEvery.Month;

    /// <summary>Freeze cut points from this stored snapshot.</summary>
    public long? FreezeFrom { get; init; }

    /// <summary>Hysteresis / minimum dwell, applied snapshot by snapshot (each against the one before); null = none.</summary>
    public StabilitySettings? Stability { get; init; }

    /// <summary>Reference for the first period's stability; null = none (the first period is assigned normally).</summary>
    public long? StableFrom { get; init; }
}

/// <summary>What a backfill stored.</summary>
/// <param name="Snapshots">The snapshots written, in as-of order.</param>
/// <param name="Skipped">As-of dates skipped because no transaction lies on or before them.</param>
public sealed record BackfillResult(IReadOnlyList<SnapshotHeader> Snapshots, IReadOnlyList<DateOnly> Skipped);

/// <summary>
/// Builds the snapshots each past as-of date would have produced, from one transactions history: import once, then for
/// every period end compute the features from the transactions on or before it (<c>BuildFeaturesAsync(asOf)</c> ignores
/// later ones), plan and assign the schemes, and store the snapshot (kind <c>backfill</c>).
/// </summary>
public static class Backfill
{
    /// <summary>Runs the backfill.</summary>
    public static async Task<BackfillResult> RunAsync(BackfillRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dates = AsOfCalendar.Dates(request.From, request.To, request.Every);
        using var gate = await StoreGate.EnterAsync(request.Database, cancellationToken).ConfigureAwait(false);
        using var connection = DuckDbStore.Open(request.Database);
        var engine = new DuckDbEngine(connection);
        progress?.Report("import");
        var load = Importer.Import(connection, request.Transactions, cancellationToken);
        if (request.Customers is not null)
            Importer.Import(connection, request.Customers with { Kind = ImportKind.Customers }, cancellationToken);
        else if (engine.TableExists(DuckDbEngine.CustomersTable))
            engine.Execute($"DROP TABLE {DuckDbEngine.CustomersTable}");
        var input = InputFingerprint.Of(request.Transactions.Path, load.RowsRead);
        var store = new SnapshotStore(connection);
        var options = request.Options;
        if (request.FreezeFrom is { } id)
            options = FrozenCutPoints.Apply(options, store.Parameters(id)).Options;
        var first = FirstDate(connection);
        var written = new List<SnapshotHeader>();
        var notes = new List<string>();
        options = SnapshotRunStep.Prepare(connection, null, options, notes);
        var reference = request.StableFrom is { } stable ? store.Require(stable) : null;
        var skipped = new List<DateOnly>();
        foreach (var asOf in dates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (first is null || asOf < first)
            {
                skipped.Add(asOf);
                continue;
            }
            progress?.Report("snapshot " + asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            var result = await SegmentationPipeline.RunAsync(engine, options with { AsOf = asOf }, cancellationToken).ConfigureAwait(false);
            result = SnapshotRunStep.Stabilize(connection, request.Stability, reference, options, result, notes).Result;
            var header = store.Save(SnapshotRunStep.Content(result, "backfill", input, request.FreezeFrom));
            // What a later `segmenta report --snapshot ID` needs that the tables do not hold (row accounting, labels, models).
            var run = new Runs.SegmentationRun(load, null, result, new Dictionary<string, string>(), [], new Dictionary<string, double>()) { Snapshot = header };
            Reporting.RunRecordStore.SaveForSnapshot(connection, header.Id, Reporting.RunRecord.From(run, options.Schemes));
            written.Add(header);
            reference = header;
        }
        return new BackfillResult(written, skipped);
    }

    private static DateOnly? FirstDate(DuckDB.NET.Data.DuckDBConnection connection)
    {
        using var reader = new SnapshotStore(connection).Query($"SELECT min(order_date) FROM {DuckDbEngine.TransactionsTable}");
        reader.Read();
        return reader.IsDBNull(0) ? null : reader.GetFieldValue<DateOnly>(0);
    }
}
