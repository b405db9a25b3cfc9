using System.Security.Claims;
using Segmenta.Server.Jobs;
using Segmenta.Server.Security;

namespace Segmenta.Server.Endpoints;

/// <summary>Segmentation runs as background jobs: start (202 + status URL), progress, cancel.</summary>
internal static class RunEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var runs = api.MapGroup("/runs").WithTags("runs");
        runs.MapPost("", (RunRequest? body, RunJobs jobs, ClaimsPrincipal who) =>
        {
            var job = jobs.Start(body ?? new RunRequest(), who.Actor());
            return Results.Accepted($"/api/v1/runs/{job.Id}", job.ToJson());
        }).RequireAuthorization(Roles.CanAnalyse)
          .WithSummary("Start a segmentation run on the newest uploads (or the given ones). One run at a time per store: 409 while one is running.")
          .ProducesProblem(400).ProducesProblem(409);
        runs.MapGet("", (RunJobs jobs, int? limit) => Results.Ok(jobs.List(Math.Clamp(limit ?? 20, 1, 200))))
            .RequireAuthorization(Roles.CanView).WithSummary("Recent runs, newest first.");
        runs.MapGet("/{id}", (string id, RunJobs jobs) => jobs.Get(id) is { } job ? Results.Ok(job) : throw ApiException.NotFound("run " + id))
            .RequireAuthorization(Roles.CanView).WithSummary("A run's status, stage, progress (0–100), error and, when done, its summary.").ProducesProblem(404);
        runs.MapDelete("/{id}", (string id, RunJobs jobs, ClaimsPrincipal who) =>
            jobs.Cancel(id, who.Actor()) ? Results.Accepted($"/api/v1/runs/{id}") : throw ApiException.NotFound("running job " + id))
            .RequireAuthorization(Roles.CanAnalyse).WithSummary("Cancel a running job.").ProducesProblem(404);
    }
}
