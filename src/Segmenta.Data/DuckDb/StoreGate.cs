namespace Segmenta.Data.DuckDb;

/// <summary>
/// Serialises runs on the same store file inside one process (the server may start two at once). Across processes
/// DuckDB's file lock does this (see <see cref="DuckDbStore"/>); inside one process DuckDB.NET shares the open database
/// between connections, so two runs would interleave their working tables without this gate.
/// </summary>
public static class StoreGate
{
    private static readonly Dictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits (up to the store wait, see <see cref="DuckDbStore.LockWaitVariable"/>) for the store; dispose to release.</summary>
    /// <exception cref="Core.SegmentaInputException">Another run in this process kept the store past the wait.</exception>
    public static async Task<IDisposable> EnterAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path == ":memory:") return new Release(null);
        var key = Path.GetFullPath(path);
        SemaphoreSlim gate;
        lock (Gates)
        {
            if (!Gates.TryGetValue(key, out gate!)) Gates[key] = gate = new SemaphoreSlim(1, 1);
        }
        var wait = double.TryParse(Environment.GetEnvironmentVariable(DuckDbStore.LockWaitVariable), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s >= 0
            ? TimeSpan.FromSeconds(s) : DuckDbStore.DefaultLockWait;
        if (!await gate.WaitAsync(wait, cancellationToken).ConfigureAwait(false))
        {
            throw new Core.SegmentaInputException(
                $"store {path} is busy with another run in this process; waited {wait.TotalSeconds:0.#} s. Try again when it finishes. / "
                + $"数据库文件 {path} 正在被本进程的另一个任务使用，已等待 {wait.TotalSeconds:0.#} 秒，请稍后再试。");
        }
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim? gate) : IDisposable
    {
        private SemaphoreSlim? _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
    }
}
