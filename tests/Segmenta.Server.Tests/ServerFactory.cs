using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Segmenta.Server.Security;

namespace Segmenta.Server.Tests;

/// <summary>
/// The server in process on a fresh store file, with one user and one API key per role. Every log line is captured
/// (at Trace level) so tests can check that no secret is ever logged.
/// </summary>
public sealed class ServerFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "admin-Pa55word!", AnalystPassword = "analyst-Pa55word!", ViewerPassword = "viewer-Pa55word!";

    private readonly Dictionary<string, string> _settings;

    public ServerFactory()
        : this(null)
    {
    }

    internal ServerFactory(Dictionary<string, string>? settings)
    {
        Directory = Path.Combine(Path.GetTempPath(), "segmenta-server-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        _settings = new Dictionary<string, string>
        {
            ["Segmenta:Db"] = Path.Combine(Directory, "store.duckdb"),
            ["Segmenta:DataDir"] = Path.Combine(Directory, "data"),
            ["Segmenta:MaxUploadBytes"] = (2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Segmenta:LoginPerMinute"] = "1000",
            ["Segmenta:RequestsPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Trace",
            ["urls"] = "http://127.0.0.1:0",
        };
        foreach (var (k, v) in settings ?? []) _settings[k] = v;
    }

    public string Directory { get; }

    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>API keys by role, created on first use.</summary>
    public Dictionary<string, string> Keys { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
        builder.ConfigureLogging(l => l.AddProvider(new CaptureProvider(Logs)).SetMinimumLevel(LogLevel.Trace));
    }

    /// <summary>Creates the users and keys (once).</summary>
    public void Seed()
    {
        if (Keys.Count > 0) return;
        var users = Services.GetRequiredService<UserStore>();
        users.CreateUser("admin", Roles.Admin, AdminPassword);
        users.CreateUser("ann", Roles.Analyst, AnalystPassword);
        users.CreateUser("vic", Roles.Viewer, ViewerPassword);
        foreach (var role in Roles.All) Keys[role] = users.CreateApiKey("ci-" + role, role, "test").Key;
    }

    /// <summary>A client authenticated by the API key of <paramref name="role"/>.</summary>
    public HttpClient As(string role)
    {
        Seed();
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(AuthClaims.ApiKeyHeader, Keys[role]);
        return client;
    }

    /// <summary>A client with a session cookie; returns the CSRF token too.</summary>
    public async Task<(HttpClient Client, string Csrf)> LoginAsync(string name, string password)
    {
        Seed();
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { name, password });
        response.EnsureSuccessStatusCode();
        var me = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (client, me["csrf_token"]!.GetValue<string>());
    }

    /// <summary>Uploads a file as the analyst and returns the response.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, byte[] content, string fileName, string extraQuery = "")
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await client.PostAsync($"/api/v1/uploads/{kind}?fileName={Uri.EscapeDataString(fileName)}{extraQuery}", body);
    }

    /// <summary>Starts a run and waits for it to finish; returns the final job.</summary>
    public static async Task<JsonNode> RunAndWaitAsync(HttpClient client, object? body = null)
    {
        var start = await client.PostAsJsonAsync("/api/v1/runs", body ?? new { });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, start.StatusCode);
        return await WaitAsync(client, start.Headers.Location!.ToString());
    }

    public static async Task<JsonNode> WaitAsync(HttpClient client, string location)
    {
        for (var i = 0; i < 600; i++)
        {
            var job = JsonNode.Parse(await client.GetStringAsync(location))!;
            if (job["status"]!.GetValue<string>() is "succeeded" or "failed" or "cancelled") return job;
            await Task.Delay(100);
        }
        throw new TimeoutException("run did not finish in 60 s");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class CaptureProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Capture(sink, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class Capture(ConcurrentQueue<string> sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            sink.Enqueue($"{category}: {formatter(state, exception)} {exception}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
                foreach (var (k, v) in values) sink.Enqueue($"  {k}={v}");
        }
    }
}
