using Spectre.Console;

namespace Segmenta.Cli.Rendering;

/// <summary>Progress bars for the steps of a run, drawn only on an interactive terminal (never in logs or with --json).</summary>
internal static class ProgressDisplay
{
    private static readonly (string Key, string Title)[] Steps =
    [
        ("import", "Import / 导入"),
        ("segment", "Features & schemes / 特征与分群"),
        ("write", "Write outputs / 写出结果"),
    ];

    public static async Task<T> RunAsync<T>(CliContext context, bool json, Func<IProgress<string>?, Task<T>> work)
    {
        if (json || !context.CanShowProgress) return await work(null).ConfigureAwait(false);
        return await AnsiConsole.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var tasks = Steps.ToDictionary(s => s.Key, s => ctx.AddTask(s.Title, autoStart: false, maxValue: 1));
                ProgressTask? current = null;
                var progress = new Progress<string>(step =>
                {
                    if (current is not null) current.Value = 1;
                    if (!tasks.TryGetValue(step, out current)) return;
                    current.StartTask();
                    current.IsIndeterminate = true;
                });
                var result = await work(progress).ConfigureAwait(false);
                foreach (var t in tasks.Values)
                {
                    t.IsIndeterminate = false;
                    t.Value = 1;
                }
                return result;
            }).ConfigureAwait(false);
    }
}
