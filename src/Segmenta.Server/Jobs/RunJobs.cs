using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Segmenta.Core;
using Segmenta.Core.Pipelines;
using Segmenta.Data.Import;
using Segmenta.Data.Runs;
using Segmenta.Server.Security;
using Segmenta.Server.Store;
using Segmenta.Server.Uploads;

namespace Segmenta.Server.Jobs;

/// <summary>
/// Runs segmentations in the background through <see cref="SegmentationRunner"/> (the CLI's application service), one at a
/// time per store: a second start while one is running gets 409 with a clear message. Finished runs are kept in
/// <c>segmenta_runs</c> with their summary (the CLI's <c>summary.json</c>).
/// </summary>
internal sealed partial class RunJobs(ServerStore store, ServerSettings settings, UploadService uploads, AuditLog audit, TimeProvider clock, RunHooks hooks, ILogger<RunJobs> log)
{
    private readonly ConcurrentDictionary<string, RunJob> _jobs = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private RunJob? _current;
    private JsonObject? _latest;

    /// <summary>Starts a run; 409 when one is running, 400 when there is no transactions upload.</summary>
    public RunJob Start(RunRequest body, string actor)
    {
        ArgumentNullException.ThrowIfNull(body);
        var request = BuildRequest(body);
        RunJob job;
        lock (_gate)
        {
            if (_current is { IsFinished: false } running)
            {
                throw new ApiException(StatusCodes.Status409Conflict, "A run is in progress",
                    $"run {running.Id} (started by {running.StartedBy}) is still {running.Status}; wait for it to finish or cancel it with DELETE /api/v1/runs/{running.Id}. / 任务 {running.Id} 仍在运行，请等待完成或取消后再试。",
                    new Dictionary<string, object?> { ["running"] = running.Id });
            }
            job = new RunJob(Guid.NewGuid().ToString("N")[..12], actor, clock.GetUtcNow().UtcDateTime);
            _current = job;
            _jobs[job.Id] = job;
        }
        var outDir = Path.Combine(settings.DataDirectory, "runs", job.Id);
        store.Execute($"INSERT INTO {ServerStore.Runs} (id, status, started_by, started_at, output_dir) VALUES (?, 'running', ?, ?, ?)", job.Id, actor, job.StartedAt, outDir);
        audit.Write(actor, "run.start", "run " + job.Id);
        _ = Task.Run(() => ExecuteAsync(job, request with { OutputDirectory = outDir }));
        return job;
    }

    /// <summary>A job of this server's lifetime, or a finished one from the store.</summary>
    public JsonObject? Get(string id)
    {
        if (_jobs.TryGetValue(id, out var job)) return job.ToJson();
        var rows = store.Query($"SELECT id, status, started_by, started_at, finished_at, error, summary_json FROM {ServerStore.Runs} WHERE id = ?", id);
        return rows.Count == 0 ? null : FromRow(rows[0]);
    }

    /// <summary>Recent runs, newest first (no summaries).</summary>
    public IReadOnlyList<JsonObject> List(int limit) =>
        [.. store.Query($"SELECT id, status, started_by, started_at, finished_at, error, NULL FROM {ServerStore.Runs} ORDER BY started_at DESC LIMIT ?", limit)
            .Select(r => _jobs.TryGetValue((string)r[0]!, out var live) ? Strip(live.ToJson()) : FromRow(r))];

    /// <summary>Asks a running job to stop; false when it is unknown or finished.</summary>
    public bool Cancel(string id, string actor)
    {
        if (!_jobs.TryGetValue(id, out var job) || job.IsFinished) return false;
        job.Cancellation.Cancel();
        audit.Write(actor, "run.cancel", "run " + id);
        return true;
    }

    /// <summary>The summary of the newest succeeded run, or null before the first.</summary>
    /// <remarks>Cached until the next run finishes: every customer query and aggregate reads it.</remarks>
    public JsonObject? LatestSummary() => Volatile.Read(ref _latest) ?? LoadLatest();

    private JsonObject? LoadLatest()
    {
        var rows = store.Query($"SELECT id, summary_json FROM {ServerStore.Runs} WHERE status = 'succeeded' ORDER BY finished_at DESC LIMIT 1");
        if (rows.Count == 0) return null;
        var summary = JsonNode.Parse((string)rows[0][1]!)!.AsObject();
        summary["run_id"] = (string)rows[0][0]!;
        Materialise(summary); // JsonNode builds its children lazily; build them all before threads share it
        Volatile.Write(ref _latest, summary);
        return summary;
    }

    private async Task ExecuteAsync(RunJob job, SegmentationRequest request)
    {
        string status;
        JsonObject? summary = null;
        string? error = null;
        try
        {
            await hooks.BeforeRunAsync(job.Cancellation.Token);
            await store.PausePagesAsync(); // no page-table build may read the segment table while the run replaces it
            var run = await SegmentationRunner.RunAsync(request, new Progress(job), job.Cancellation.Token);
            summary = RunSummary.ToJsonObject(run);
            summary.Remove("files");
            status = "succeeded";
        }
#pragma warning disable CA1031 // Whatever a cancelled run throws (DuckDB reports an interrupted query as its own error) means "cancelled".
        catch (Exception) when (job.Cancellation.IsCancellationRequested)
#pragma warning restore CA1031
        {
            status = "cancelled";
            error = "cancelled by the user. / 已被用户取消。";
        }
        catch (SegmentaInputException ex)
        {
            status = "failed";
            error = ex.Message;
        }
#pragma warning disable CA1031 // A background job's top level: every failure is recorded on the job.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            status = "failed";
            error = "internal error; the server log has the details. / 服务器内部错误，详见服务器日志。";
            Log.RunFailed(log, job.Id, ex);
        }
        var at = clock.GetUtcNow().UtcDateTime;
        try
        {
            store.Execute($"UPDATE {ServerStore.Runs} SET status = ?, finished_at = ?, error = ?, summary_json = ? WHERE id = ?",
                status, at, error, summary?.ToJsonString(), job.Id);
        }
        finally
        {
            Volatile.Write(ref _latest, null);
            store.InvalidateCaches();
            try { store.ResumePages(LatestSummary()); }
            finally { job.Finish(status, at, summary, error); }
        }
    }

    private SegmentationRequest BuildRequest(RunRequest body)
    {
        var transactions = uploads.Find("transactions", body.Transactions)
            ?? throw new SegmentaInputException(body.Transactions is null
                ? "no transactions file uploaded yet: POST one to /api/v1/uploads/transactions first. / 尚未上传交易文件。"
                : $"transactions upload {body.Transactions} not found. / 未找到交易上传 {body.Transactions}。");
        DateOnly? asOf = null;
        if (body.AsOf is { } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new SegmentaInputException($"asOf \"{text}\" is not a date: write it as yyyy-MM-dd, e.g. 2024-12-31. / asOf 须为 yyyy-MM-dd 格式。");
            asOf = d;
        }
        var lang = body.Lang switch
        {
            null or "en" => "en",
            "zh-CN" or "zh" => "zh-CN",
            var other => throw new SegmentaInputException($"lang \"{other}\": use zh-CN or en. / lang 只能是 zh-CN 或 en。"),
        };
        ImportOptions? Optional(string kind, ImportKind importKind, string? id)
        {
            if (body.NoCustomers && id is null) return null;
            var found = uploads.Find(kind, id);
            if (found is null && id is not null) throw new SegmentaInputException($"{kind} upload {id} not found. / 未找到上传 {id}。");
            return found is { } f ? f.Settings.ToImportOptions(importKind) with { Path = f.Path } : null;
        }
        return new SegmentationRequest
        {
            Transactions = transactions.Settings.ToImportOptions(ImportKind.Transactions) with { Path = transactions.Path },
            Customers = Optional("customers", ImportKind.Customers, body.Customers),
            Interactions = Optional("interactions", ImportKind.Interactions, body.Interactions),
            Surveys = Optional("surveys", ImportKind.Surveys, body.Surveys),
            Database = store.Database,
            Options = new SegmentationOptions { AsOf = asOf, LabelLanguage = lang, Clv = body.Clv ? new ClvFeatureOptions() : null },
            Format = OutputFormat.Csv,
            Schemes = body.Schemes ?? [Endpoints.ExportEndpoints.DefaultActionScheme],
            // Saved schemes (PUT /api/v1/schemes/NAME) are materialised here; presets resolve by name.
            SchemesDirectory = Directory.Exists(Path.Combine(settings.DataDirectory, "schemes")) ? Path.Combine(settings.DataDirectory, "schemes") : null,
        };
    }

    private static void Materialise(JsonNode? node)
    {
        if (node is JsonObject o) foreach (var (_, child) in o) Materialise(child);
        else if (node is JsonArray a) foreach (var child in a) Materialise(child);
    }

    private static JsonObject FromRow(object?[] r) => new()
    {
        ["id"] = (string)r[0]!,
        ["status"] = (string)r[1]!,
        ["stage"] = (string)r[1]!,
        ["progress"] = (string)r[1]! == "succeeded" ? 100 : 0,
        ["started_by"] = (string)r[2]!,
        ["started_at"] = (DateTime)r[3]!,
        ["finished_at"] = r[4] as DateTime?,
        ["error"] = r[5] as string,
        ["summary"] = r[6] is string s ? JsonNode.Parse(s) : null,
    };

    private static JsonObject Strip(JsonObject job)
    {
        job.Remove("summary");
        return job;
    }

    private sealed class Progress(RunJob job) : IProgress<string>
    {
        public void Report(string value) => job.Report(value);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Run {RunId} failed")]
        public static partial void RunFailed(ILogger logger, string runId, Exception exception);
    }
}
