namespace Segmenta.Server.Jobs;

/// <summary>A seam for tests: awaited by every job before the runner starts (default: nothing), so a test can hold a run in "running".</summary>
internal sealed class RunHooks
{
    public Func<CancellationToken, Task> BeforeRunAsync { get; set; } = _ => Task.CompletedTask;
}
