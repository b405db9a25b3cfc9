using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using ExcelDataReader;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Sylvan.Data.Csv;

namespace Segmenta.Server.Tests;

/// <summary>
/// The server's security review (issue 10 item 5, the table in docs/reliability.md): every mapped endpoint needs
/// credentials, slow uploads and slow headers are cut, exports neutralise formulas, security headers, loopback bind.
/// </summary>
public sealed partial class SecurityReviewTests : IClassFixture<ServerFactory>
{
    /// <summary>
    /// The only endpoints open without credentials: liveness, login, and the API docs page's embedded static assets
    /// (Scalar's scripts and icon: no data, like the dashboard's own static files; the docs page itself needs login).
    /// </summary>
    private static readonly HashSet<string> Anonymous = ["GET /health", "POST /api/v1/auth/login", "GET /docs/scalar.js", "GET /docs/scalar.aspnetcore.js", "GET /docs/favicon.svg"];

    private readonly ServerFactory _server;

    public SecurityReviewTests(ServerFactory server)
    {
        _server = server;
        _server.Seed();
    }

    [Fact]
    public async Task EveryMappedEndpoint_ButHealthAndLogin_401WithoutCredentials()
    {
        using var client = _server.CreateClient();
        // Every endpoint the app maps (API, OpenAPI, docs page), read from routing itself: a new endpoint cannot slip through.
        var endpoints = _server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var checkedRoutes = new List<string>();
        var open = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var pattern = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            foreach (var method in methods)
            {
                var route = method + " " + pattern;
                if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
                {
                    open.Add(route);
                    continue;
                }
                var path = Parameter().Replace(pattern, "1"); // "1" fits every route parameter, {id:long} included
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "GET" or "HEAD" or "DELETE" ? null : new StringContent("{}", Encoding.UTF8, "application/json") };
                using var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route} ({path}) answered {(int)response.StatusCode} without credentials");
                checkedRoutes.Add(route);
            }
        }
        Assert.True(checkedRoutes.Count >= 34, string.Join(", ", checkedRoutes)); // 34 routes today: the enumeration is real
        Assert.Contains("GET /api/v1/customers", checkedRoutes);
        Assert.Contains("GET /api/v1/exports/customers", checkedRoutes);
        Assert.Equal(Anonymous.Order(StringComparer.Ordinal), open.Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>The least role of every endpoint (docs/server.md, "Authentication and roles"); "any" = signed in.</summary>
    private static readonly Dictionary<string, string> LeastRole = new(StringComparer.Ordinal)
    {
        ["GET /api/v1/auth/me"] = "any",
        ["POST /api/v1/auth/logout"] = "any",
        ["GET /openapi/{documentName}.json"] = "any",
        ["GET /docs/{documentName?}"] = "any",
        ["GET /api/v1/overview"] = "viewer",
        ["GET /api/v1/segments/{scheme}"] = "viewer",
        ["GET /api/v1/aggregates/rfm-grid"] = "viewer",
        ["GET /api/v1/aggregates/matrix"] = "viewer",
        ["GET /api/v1/aggregates/clv"] = "viewer",
        ["GET /api/v1/runs"] = "viewer",
        ["GET /api/v1/runs/{id}"] = "viewer",
        ["GET /api/v1/snapshots"] = "viewer",
        ["GET /api/v1/snapshots/{id:long}"] = "viewer",
        ["GET /api/v1/migration"] = "viewer",
        ["GET /api/v1/schemes"] = "viewer",
        ["GET /api/v1/schemes/{name}"] = "viewer",
        ["GET /api/v1/schemes/{name}/versions"] = "viewer",
        ["POST /api/v1/schemes/validate"] = "viewer",
        ["POST /api/v1/uploads/{kind}"] = "analyst",
        ["GET /api/v1/uploads"] = "analyst",
        ["POST /api/v1/runs"] = "analyst",
        ["DELETE /api/v1/runs/{id}"] = "analyst",
        ["GET /api/v1/customers"] = "analyst",
        ["GET /api/v1/customers/{id}"] = "analyst",
        ["GET /api/v1/exports/customers"] = "analyst",
        ["GET /api/v1/report"] = "analyst",
        ["GET /api/v1/actions"] = "analyst",
        ["PUT /api/v1/schemes/{name}"] = "analyst",
        ["GET /api/v1/users"] = "admin",
        ["POST /api/v1/users"] = "admin",
        ["GET /api/v1/api-keys"] = "admin",
        ["POST /api/v1/api-keys"] = "admin",
        ["DELETE /api/v1/api-keys/{id}"] = "admin",
        ["GET /api/v1/audit"] = "admin",
    };

    [Fact]
    public async Task EveryMappedEndpoint_RoleCheck_403BelowItsLeastRole()
    {
        string[] rank = ["any", "viewer", "analyst", "admin"];
        var endpoints = _server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var forbidden = 0;
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var route = method + " " + pattern;
                // A new endpoint must be given its least role here (and in docs/server.md) before this test passes.
                Assert.True(LeastRole.TryGetValue(route, out var least), $"{route} has no entry in LeastRole");
                seen.Add(route);
                foreach (var role in new[] { "viewer", "analyst" })
                {
                    var allowed = Array.IndexOf(rank, role) >= Array.IndexOf(rank, least);
                    if (allowed && method != "GET") continue; // not sent: an allowed POST/PUT/DELETE would change the store
                    using var client = _server.As(role);
                    using var request = new HttpRequestMessage(new HttpMethod(method), Parameter().Replace(pattern, "1"))
                    { Content = method is "GET" or "DELETE" ? null : new StringContent("{}", Encoding.UTF8, "application/json") };
                    using var response = await client.SendAsync(request);
                    if (allowed)
                    {
                        Assert.True(response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized), $"{role} {route}: {(int)response.StatusCode}");
                    }
                    else
                    {
                        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} {route}: {(int)response.StatusCode}, expected 403");
                        forbidden++;
                    }
                }
            }
        }
        Assert.Equal(LeastRole.Keys.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal)); // no stale entries either
        Assert.Equal(2 * 6 + 10, forbidden); // admin routes for both roles, analyst routes for the viewer
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    [Fact]
    public void Kestrel_Limits_Configured()
    {
        var limits = _server.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
        Assert.Equal(240, limits.MinRequestBodyDataRate!.BytesPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(10), limits.MinRequestBodyDataRate.GracePeriod);
        Assert.Equal(TimeSpan.FromSeconds(30), limits.RequestHeadersTimeout);
        Assert.Equal(1024 * 1024, limits.MaxRequestBodySize);
    }

    [Fact]
    public async Task SlowUpload_OnRealKestrel_IsCut()
    {
        using var factory = new ServerFactory(new() { ["Segmenta:BodyGraceSeconds"] = "2" });
        factory.UseKestrel(0);
        factory.StartServer();
        factory.Seed();
        var port = factory.ClientOptions.BaseAddress.Port;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        var head = $"POST /api/v1/uploads/transactions?fileName=slow.csv HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Api-Key: {factory.Keys["analyst"]}\r\nContent-Type: text/csv\r\nContent-Length: 100000\r\n\r\ncustomer_id,order_date,amount\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var sent = 0;
        var cut = false;
        // Drip one byte every 250 ms (4 bytes/s, far below 240) for at most 20 s: the server must end the request.
        while (watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            try
            {
                await stream.WriteAsync("1"u8.ToArray());
                sent++;
            }
            catch (IOException)
            {
                cut = true;
                break;
            }
            if (tcp.Available > 0)
            {
                cut = true;
                break;
            }
            await Task.Delay(250);
        }
        Assert.True(cut, $"still uploading after {watch.Elapsed.TotalSeconds:F0} s");
        Assert.InRange(watch.Elapsed.TotalSeconds, 1.5, 15);
        if (tcp.Available > 0)
        {
            var buffer = new byte[4096];
            var n = await stream.ReadAsync(buffer);
            var answer = Encoding.ASCII.GetString(buffer, 0, n);
            Assert.StartsWith("HTTP/1.1 408", answer, StringComparison.Ordinal); // Request Timeout
        }
        Assert.True(sent < 100, $"{sent} bytes dripped before the cut");
    }

    [Fact]
    public async Task SlowHeaders_OnRealKestrel_AreCut()
    {
        using var factory = new ServerFactory(new() { ["Segmenta:RequestHeadersTimeoutSeconds"] = "2" });
        factory.UseKestrel(0);
        factory.StartServer();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, factory.ClientOptions.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync("GET /health HTTP/1.1\r\nHost: x\r\n"u8.ToArray()); // headers never finished
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        int n;
        try
        {
            n = await stream.ReadAsync(buffer, timeout.Token); // the server answers 408 and closes, or just closes
        }
        catch (IOException)
        {
            n = 0;
        }
        Assert.InRange(watch.Elapsed.TotalSeconds, 1, 15);
        if (n > 0) Assert.StartsWith("HTTP/1.1 408", Encoding.ASCII.GetString(buffer, 0, n), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecurityHeaders_OnApiAndDashboard()
    {
        using var client = _server.As("viewer");
        foreach (var path in new[] { "/", "/api/v1/overview", "/health" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, path);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("Server"));
        }
    }

    [Fact]
    public void DefaultBind_IsLoopbackOnly()
    {
        Assert.Equal("http://127.0.0.1:5080", ServerSettings.DefaultUrls);
        // Built without --urls: the host's urls setting is the loopback default (not started, so no port is taken).
        var dir = Path.Combine(_server.Directory, "bind");
        Directory.CreateDirectory(dir);
        var app = ServerHost.Build(["--Segmenta:Db=" + Path.Combine(dir, "s.duckdb")]);
        try
        {
            var urls = app.Configuration["urls"]!.Split(';');
            Assert.All(urls, u => Assert.True(IPAddress.IsLoopback(IPAddress.Parse(new Uri(u).Host)), u));
        }
        finally
        {
            ((IDisposable)app).Dispose();
        }
    }

    [Fact]
    public async Task Exports_NeutraliseFormulas_ReadBackWithLibraries()
    {
        // Also the server without page tables (Segmenta:PageTables=false): customer queries scan, nothing is built.
        using var factory = new ServerFactory(new() { ["Segmenta:PageTables"] = "false" });
        using var analyst = factory.As("analyst");
        string[] hostile = ["=HYPERLINK(\"http://evil.example\",\"open\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)"]; // (leading tabs are trimmed by the importer)
        var csv = new StringBuilder("customer_id,order_date,amount\n");
        for (var i = 0; i < 60; i++)
        {
            var id = i < hostile.Length ? hostile[i] : "C" + i.ToString("D3", CultureInfo.InvariantCulture);
            for (var k = 0; k <= i % 4; k++)
                csv.Append(CultureInfo.InvariantCulture, $"\"{id.Replace("\"", "\"\"", StringComparison.Ordinal)}\",2024-{1 + (i + k * 3) % 12:D2}-{1 + i % 27:D2},{10 + i * 3 + k}\n");
        }
        var upload = await ServerFactory.UploadAsync(analyst, "transactions", Encoding.UTF8.GetBytes(csv.ToString()), "hostile.csv");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var run = await ServerFactory.RunAndWaitAsync(analyst);
        Assert.Equal("succeeded", run["status"]!.GetValue<string>());

        foreach (var url in new[] { "/api/v1/exports/customers?format=csv", "/api/v1/actions?format=csv" })
        {
            var cells = Csv(await analyst.GetByteArrayAsync(url));
            AssertNeutralised(url, cells, hostile);
        }
        foreach (var url in new[] { "/api/v1/exports/customers?format=xlsx", "/api/v1/actions?format=xlsx" })
        {
            var cells = Xlsx(await analyst.GetByteArrayAsync(url));
            AssertNeutralised(url, cells, hostile);
        }

        var biggest = run["summary"]!["scheme_details"]!["rfm"]!["segments"]!.AsArray().MaxBy(x => x!["customers"]!.GetValue<long>())!;
        var page = System.Text.Json.Nodes.JsonNode.Parse(await analyst.GetStringAsync("/api/v1/customers?scheme=rfm&segment=" + Uri.EscapeDataString(biggest["segment"]!.GetValue<string>())))!;
        Assert.Equal(biggest["customers"]!.GetValue<long>(), page["total"]!.GetValue<long>());
        var store = factory.Services.GetRequiredService<Segmenta.Server.Store.ServerStore>();
        await store.PagesBuild;
        Assert.Null(store.PagesFor(run["id"]!.GetValue<string>()));
        Assert.Equal(0L, Convert.ToInt64(store.Query("SELECT count(*) FROM information_schema.tables WHERE starts_with(table_name, 'segmenta_pages_')")[0][0], CultureInfo.InvariantCulture));
    }

    private static void AssertNeutralised(string url, List<(string Column, object Value)> cells, string[] hostile)
    {
        Assert.NotEmpty(cells);
        var ids = cells.Where(c => c.Column == "customer_id").Select(c => c.Value as string).ToHashSet(StringComparer.Ordinal);
        // The customers export has every customer; the action list only those whose segment has a playbook.
        var all = url.Contains("/exports/", StringComparison.Ordinal);
        Assert.True(hostile.Count(h => ids.Contains("'" + h)) >= (all ? hostile.Length : 1), $"{url}: hostile ids not exported with a leading apostrophe");
        foreach (var h in hostile) Assert.DoesNotContain(h, ids);
        foreach (var (column, value) in cells)
        {
            // Text cells only: numbers (a negative amount reads "-3.5" in CSV) are not formulas.
            if (value is not string text || text.Length == 0) continue;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) continue;
            Assert.False(text[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"{url}: column {column} cell \"{text}\" starts like a formula");
        }
    }

    private static List<(string, object)> Csv(byte[] bytes)
    {
        using var reader = CsvDataReader.Create(new StreamReader(new MemoryStream(bytes), Encoding.UTF8));
        var cells = new List<(string, object)>();
        while (reader.Read())
            for (var i = 0; i < reader.FieldCount; i++) cells.Add((reader.GetName(i), reader.GetString(i)));
        return cells;
    }

    private static List<(string, object)> Xlsx(byte[] bytes)
    {
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(bytes));
        var cells = new List<(string, object)>();
        var header = new List<string>();
        do
        {
            var first = true;
            while (reader.Read())
            {
                if (first)
                {
                    header = [.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString() ?? "")];
                    first = false;
                    continue;
                }
                for (var i = 0; i < reader.FieldCount; i++)
                    if (reader.GetValue(i) is { } v) cells.Add((i < header.Count ? header[i] : "", v));
            }
        }
        while (reader.NextResult());
        return cells;
    }
}
