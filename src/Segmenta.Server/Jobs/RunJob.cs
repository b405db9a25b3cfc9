using System.Text.Json.Nodes;

namespace Segmenta.Server.Jobs;

/// <summary>One segmentation run started through the API, with its live state.</summary>
internal sealed class RunJob(string id, string startedBy, DateTime startedAt)
{
    private readonly Lock _gate = new();

    public string Id { get; } = id;

    public string StartedBy { get; } = startedBy;

    public DateTime StartedAt { get; } = startedAt;

    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>queued, running, succeeded, failed or cancelled.</summary>
    public string Status { get; private set; } = "queued";

    /// <summary>The step now running (import, segment, write).</summary>
    public string Stage { get; private set; } = "queued";

    /// <summary>0–100.</summary>
    public int Progress { get; private set; }

    public string? Error { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    public JsonObject? Summary { get; private set; }

    public bool IsFinished => Status is "succeeded" or "failed" or "cancelled";

    /// <summary>Progress by step: the runner reports import → segment → write.</summary>
    public void Report(string stage)
    {
        lock (_gate)
        {
            Status = "running";
            Stage = stage;
            Progress = stage switch { "import" => 10, "segment" => 45, "write" => 80, "snapshot" => 90, _ => Progress };
        }
    }

    public void Finish(string status, DateTime at, JsonObject? summary, string? error)
    {
        lock (_gate)
        {
            Status = status;
            Stage = status;
            FinishedAt = at;
            Summary = summary;
            Error = error;
            if (status == "succeeded") Progress = 100;
        }
    }

    /// <summary>The job as the API returns it.</summary>
    public JsonObject ToJson()
    {
        lock (_gate)
        {
            return new JsonObject
            {
                ["id"] = Id,
                ["status"] = Status,
                ["stage"] = Stage,
                ["progress"] = Progress,
                ["started_by"] = StartedBy,
                ["started_at"] = StartedAt,
                ["finished_at"] = FinishedAt,
                ["error"] = Error,
                ["summary"] = Summary?.DeepClone(),
            };
        }
    }
}
