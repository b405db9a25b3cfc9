using DuckDB.NET.Data;

namespace Segmenta.Data.DuckDb;

/// <summary>Opens the embedded DuckDB store: a single <c>.duckdb</c> file (default <c>./segmenta.duckdb</c>) or memory.</summary>
public static class DuckDbStore
{
    /// <summary>The default store file, in the working directory.</summary>
    public const string DefaultPath = "segmenta.duckdb";

    /// <summary>Memory DuckDB may use before it spills to disk; keeps a 10M-row run under the 3 GiB goal.</summary>
    public const string DefaultMemoryLimit = "2GB";

    /// <summary>Environment variable: seconds to wait for a store file another process holds (default 30; 0 = refuse at once).</summary>
    public const string LockWaitVariable = "SEGMENTA_STORE_WAIT_SECONDS";

    /// <summary>Default wait for a store file held by another process.</summary>
    public static readonly TimeSpan DefaultLockWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Opens a store file, waiting while another process holds it. DuckDB lets one process open a file for writing;
    /// a second one gets "Could not set lock on file … Conflicting lock is held in … (PID n)" at once. We retry every
    /// 200 ms until <paramref name="wait"/> has passed, then refuse with a bilingual message naming the file, the
    /// holder's PID and what to do (exit code 2). No data is touched while waiting, so nothing can be corrupted.
    /// </summary>
    private static DuckDBConnection OpenWaiting(string path, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var connection = new DuckDBConnection("Data Source=" + path);
            try
            {
                connection.Open();
                return connection;
            }
            catch (DuckDBException ex) when (ex.Message.Contains("Could not set lock", StringComparison.Ordinal))
            {
                connection.Dispose();
                if (DateTime.UtcNow >= deadline)
                {
                    var pid = System.Text.RegularExpressions.Regex.Match(ex.Message, @"PID (\d+)") is { Success: true } m ? m.Groups[1].Value : "?";
                    var seconds = wait.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
                    throw new Core.SegmentaInputException(
                        $"store {path} is in use by another process (PID {pid}); waited {seconds} s. Wait for that run to finish, "
                        + $"set {LockWaitVariable} to wait longer, or use another --db file. / 数据库文件 {path} 正被另一个进程（PID {pid}）使用，"
                        + $"已等待 {seconds} 秒。请等它运行完毕、设置 {LockWaitVariable} 等待更久，或用 --db 指定其他文件。", ex);
                }
                Thread.Sleep(200);
            }
        }
    }

    private static TimeSpan LockWait() =>
        double.TryParse(Environment.GetEnvironmentVariable(LockWaitVariable), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s >= 0
            ? TimeSpan.FromSeconds(s)
            : DefaultLockWait;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/>; <c>:memory:</c> opens an in-memory store.</summary>
    /// <param name="path">The store file.</param>
    /// <param name="memoryLimit">DuckDB memory limit.</param>
    /// <param name="wait">How long to wait for a file another process holds; null = <see cref="LockWaitVariable"/> or 30 s.</param>
    /// <exception cref="Core.SegmentaInputException">Another process kept the file locked for longer than the wait.</exception>
    public static DuckDBConnection Open(string path, string memoryLimit = DefaultMemoryLimit, TimeSpan? wait = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path != ":memory:")
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        }
        var connection = OpenWaiting(path, wait ?? LockWait());
        using var cmd = connection.CreateCommand();
        // The value comes from our own option, not from a file: validate its shape anyway.
        if (!System.Text.RegularExpressions.Regex.IsMatch(memoryLimit, "^[0-9]+(\\.[0-9]+)?\\s*[KMGT]?i?B$"))
            throw new ArgumentException($"Memory limit \"{memoryLimit}\" should look like 2GB or 512MB.", nameof(memoryLimit));
        cmd.CommandText = $"SET memory_limit = '{memoryLimit}'";
        cmd.ExecuteNonQuery();
        return connection;
    }
}
