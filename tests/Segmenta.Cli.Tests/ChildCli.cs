using System.Diagnostics;
using System.Text;

namespace Segmenta.Cli.Tests;

/// <summary>Runs the real <c>segmenta</c> program as a child process (<c>dotnet segmenta.dll …</c>), for crash and concurrency tests.</summary>
internal sealed class ChildCli : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();
    private readonly TaskCompletionSource<string> _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildCli(Process process) => _process = process;

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "segmenta.dll");

    public static ChildCli Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (k, v) in environment) info.Environment[k] = v;
        var process = new Process { StartInfo = info };
        var child = new ChildCli(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (child._out) child._out.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (child._err) child._err.AppendLine(e.Data);
            if (e.Data.StartsWith("SEGMENTA_PAUSED ", StringComparison.Ordinal)) child._paused.TrySetResult(e.Data["SEGMENTA_PAUSED ".Length..]);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public string Out { get { lock (_out) return _out.ToString(); } }

    public string Err { get { lock (_err) return _err.ToString(); } }

    /// <summary>Waits until the child reports that it paused at a test point.</summary>
    public async Task<string> PausedAsync(TimeSpan timeout)
    {
        var done = await Task.WhenAny(_paused.Task, _process.WaitForExitAsync(), Task.Delay(timeout));
        if (done != _paused.Task) throw new TimeoutException($"the child did not pause (exited: {_process.HasExited}). stderr: {Err}");
        return await _paused.Task;
    }

    /// <summary>SIGKILL (Process.Kill sends SIGKILL on Unix): no handler, no finally block runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async Task<int> ExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
