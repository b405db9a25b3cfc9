using System.Globalization;

namespace Segmenta.Server;

/// <summary>
/// The server's settings, read from configuration keys <c>Segmenta:*</c> (command line <c>--Segmenta:Db=FILE</c>,
/// environment <c>Segmenta__Db</c>, or <c>segmenta serve --db FILE</c>).
/// </summary>
internal sealed record ServerSettings
{
    /// <summary>The address the server listens on unless <c>--urls</c> says otherwise: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The DuckDB store file (never <c>:memory:</c>: every request opens its own connection).</summary>
    public string Database { get; init; } = Data.DuckDb.DuckDbStore.DefaultPath;

    /// <summary>Where uploads and run outputs are kept; default <c>segmenta-server</c> next to the store.</summary>
    public string DataDirectory { get; init; } = "segmenta-server";

    /// <summary>The largest upload in bytes (default 512 MiB); larger ones get 413.</summary>
    public long MaxUploadBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>The largest JSON request body in bytes (default 1 MiB).</summary>
    public long MaxJsonBytes { get; init; } = 1024 * 1024;

    /// <summary>Login attempts per client address per minute.</summary>
    public int LoginPerMinute { get; init; } = 10;

    /// <summary>Requests per user or API key per minute (token bucket, refilled every second).</summary>
    public int RequestsPerMinute { get; init; } = 6000;

    /// <summary>Slow uploads: a request body slower than this many bytes per second after the grace period is cut (Kestrel answers 408).</summary>
    public int MinBodyBytesPerSecond { get; init; } = 240;

    /// <summary>Seconds a request body may be slower than <see cref="MinBodyBytesPerSecond"/> before it is cut (Kestrel needs more than 1).</summary>
    public int BodyGraceSeconds { get; init; } = 10;

    /// <summary>Seconds a client has to send all request headers (slow-header "slowloris" clients are cut).</summary>
    public int RequestHeadersTimeoutSeconds { get; init; } = 30;

    /// <summary>
    /// Build page tables after each run (one sorted copy of the segment table per scheme) so cold "customers of a
    /// segment" pages are range reads; false saves the disk space and customer queries scan.
    /// </summary>
    public bool PageTables { get; init; } = true;

    /// <summary>Origins allowed by CORS; empty (default) adds no CORS at all.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    /// <summary>Reads the settings from configuration.</summary>
    public static ServerSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Segmenta");
        var defaults = new ServerSettings();
        var db = section["Db"] ?? defaults.Database;
        if (db == ":memory:")
            throw new Core.SegmentaInputException("--db :memory: cannot be served: give a store file, e.g. --db segmenta.duckdb. / 服务器需要数据库文件，例如 --db segmenta.duckdb。");
        var dataDir = section["DataDir"] ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db)) ?? ".", "segmenta-server");
        return new ServerSettings
        {
            Database = Path.GetFullPath(db),
            DataDirectory = Path.GetFullPath(dataDir),
            MaxUploadBytes = Long(section["MaxUploadBytes"], defaults.MaxUploadBytes),
            MaxJsonBytes = Long(section["MaxJsonBytes"], defaults.MaxJsonBytes),
            LoginPerMinute = (int)Long(section["LoginPerMinute"], defaults.LoginPerMinute),
            RequestsPerMinute = (int)Long(section["RequestsPerMinute"], defaults.RequestsPerMinute),
            MinBodyBytesPerSecond = (int)Long(section["MinBodyBytesPerSecond"], defaults.MinBodyBytesPerSecond),
            BodyGraceSeconds = (int)Math.Max(2, Long(section["BodyGraceSeconds"], defaults.BodyGraceSeconds)),
            RequestHeadersTimeoutSeconds = (int)Long(section["RequestHeadersTimeoutSeconds"], defaults.RequestHeadersTimeoutSeconds),
            PageTables = section["PageTables"] is not { } pt || (bool.TryParse(pt, out var on) ? on
                : throw new Core.SegmentaInputException($"Segmenta:PageTables \"{pt}\": use true or false. / 请填 true 或 false。")),
            CorsOrigins = (section["CorsOrigins"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
    }

    private static long Long(string? text, long fallback) =>
        text is null ? fallback
        : long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v
        : throw new Core.SegmentaInputException($"server setting \"{text}\" is not a positive whole number. / 服务器设置 \"{text}\" 不是正整数。");
}
