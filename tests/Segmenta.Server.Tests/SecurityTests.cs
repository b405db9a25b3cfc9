using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Segmenta.Server.Tests;

/// <summary>Authentication, roles, CSRF, rate limits, CORS and secrets in logs.</summary>
public sealed class SecurityTests : IClassFixture<ServerFactory>
{
    private readonly ServerFactory _server;

    public SecurityTests(ServerFactory server)
    {
        _server = server;
        _server.Seed();
    }

    public static TheoryData<string, string> ApiEndpoints => new()
    {
        { "GET", "/api/v1/auth/me" }, { "POST", "/api/v1/auth/logout" },
        { "GET", "/api/v1/users" }, { "POST", "/api/v1/users" }, { "GET", "/api/v1/api-keys" }, { "POST", "/api/v1/api-keys" },
        { "DELETE", "/api/v1/api-keys/abc" }, { "GET", "/api/v1/audit" },
        { "POST", "/api/v1/uploads/transactions?fileName=a.csv" }, { "GET", "/api/v1/uploads" },
        { "POST", "/api/v1/runs" }, { "GET", "/api/v1/runs" }, { "GET", "/api/v1/runs/abc" }, { "DELETE", "/api/v1/runs/abc" },
        { "GET", "/api/v1/overview" }, { "GET", "/api/v1/segments/rfm" }, { "GET", "/api/v1/aggregates/rfm-grid" },
        { "GET", "/api/v1/aggregates/matrix?rows=abc&columns=value_tier" }, { "GET", "/api/v1/aggregates/clv" },
        { "GET", "/api/v1/customers" }, { "GET", "/api/v1/customers/C1" }, { "GET", "/api/v1/exports/customers" }, { "GET", "/api/v1/report" }, { "GET", "/api/v1/actions" },
        { "GET", "/api/v1/schemes" }, { "GET", "/api/v1/schemes/retail_rfm" }, { "GET", "/api/v1/schemes/x/versions" },
        { "POST", "/api/v1/schemes/validate" }, { "PUT", "/api/v1/schemes/x" },
        { "GET", "/api/v1/snapshots" }, { "GET", "/api/v1/snapshots/1" }, { "GET", "/api/v1/migration?from=1&to=2" },
        { "GET", "/openapi/v1.json" }, { "GET", "/docs" },
    };

    [Theory]
    [MemberData(nameof(ApiEndpoints))]
    public async Task Endpoint_NoCredentials_401(string method, string path)
    {
        using var client = _server.CreateClient();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonContent.Create(new { }) });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ApiEndpoints))]
    public async Task Endpoint_UnknownApiKey_401(string method, string path)
    {
        using var client = _server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "sgk_000000000000_not-a-real-key");
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_Anonymous_Ok()
    {
        using var client = _server.CreateClient();
        var body = JsonNode.Parse(await client.GetStringAsync("/health"))!;
        Assert.Equal("ok", body["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET", "/api/v1/exports/customers")]
    [InlineData("GET", "/api/v1/report")]
    [InlineData("GET", "/api/v1/actions")]
    [InlineData("PUT", "/api/v1/schemes/x")]
    [InlineData("GET", "/api/v1/customers")]
    [InlineData("GET", "/api/v1/customers/C1")]
    [InlineData("POST", "/api/v1/uploads/transactions?fileName=a.csv")]
    [InlineData("POST", "/api/v1/runs")]
    [InlineData("DELETE", "/api/v1/runs/abc")]
    [InlineData("GET", "/api/v1/users")]
    [InlineData("POST", "/api/v1/api-keys")]
    [InlineData("GET", "/api/v1/audit")]
    public async Task Viewer_PersonalDataOrChanges_403(string method, string path)
    {
        using var client = _server.As("viewer");
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonContent.Create(new { }) });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/v1/users")]
    [InlineData("POST", "/api/v1/api-keys")]
    [InlineData("GET", "/api/v1/audit")]
    public async Task Analyst_AdminEndpoints_403(string method, string path)
    {
        using var client = _server.As("analyst");
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonContent.Create(new { }) });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Viewer_Aggregates_Allowed()
    {
        using var client = _server.As("viewer");
        var overview = JsonNode.Parse(await client.GetStringAsync("/api/v1/overview"))!;
        Assert.Null(overview["run_id"]);
        Assert.Equal("[]", await client.GetStringAsync("/api/v1/snapshots"));
    }

    [Fact]
    public async Task Login_WrongPassword_401Problem_AndAudited()
    {
        using var client = _server.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { name = "ann", password = "wrong-password-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var unknown = await client.PostAsJsonAsync("/api/v1/auth/login", new { name = "nobody", password = "wrong-password-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        using var admin = _server.As("admin");
        var audit = JsonNode.Parse(await admin.GetStringAsync("/api/v1/audit?action=auth.login_failed"))!.AsArray();
        Assert.Contains(audit, e => e!["actor"]!.GetValue<string>() == "ann");
    }

    [Fact]
    public async Task Login_SetsStrictHttpOnlyCookie_AndMeShowsRole()
    {
        using var client = _server.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { name = "vic", password = ServerFactory.ViewerPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("segmenta_session=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var (session, _) = await _server.LoginAsync("vic", ServerFactory.ViewerPassword);
        var me = JsonNode.Parse(await session.GetStringAsync("/api/v1/auth/me"))!;
        Assert.Equal("viewer", me["role"]!.GetValue<string>());
        Assert.Equal("vic", me["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task CookieSession_UnsafeWithoutCsrfHeader_403_WithHeader_Passes()
    {
        var (client, csrf) = await _server.LoginAsync("ann", ServerFactory.AnalystPassword);
        using var without = await client.PostAsJsonAsync("/api/v1/runs", new { });
        Assert.Equal(HttpStatusCode.Forbidden, without.StatusCode);
        Assert.Contains("CSRF", await without.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/v1/runs") { Content = JsonContent.Create(new { }) };
        wrong.Headers.Add("X-CSRF-Token", "0000");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(wrong)).StatusCode);
        using var with = new HttpRequestMessage(HttpMethod.Post, "/api/v1/runs") { Content = JsonContent.Create(new { transactions = "missing" }) };
        with.Headers.Add("X-CSRF-Token", csrf);
        using var response = await client.SendAsync(with);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // past CSRF and roles: the upload id is unknown
    }

    [Fact]
    public async Task ApiKeys_CreateUseRevoke_AuditedAndKeyNeverListed()
    {
        using var admin = _server.As("admin");
        using var created = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "crm", role = "viewer" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        var key = body["key"]!.GetValue<string>();
        var id = body["id"]!.GetValue<string>();
        using var crm = _server.CreateClient();
        crm.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        var me = JsonNode.Parse(await crm.GetStringAsync("/api/v1/auth/me"))!;
        Assert.Equal("key:crm", me["name"]!.GetValue<string>());
        Assert.Equal("viewer", me["role"]!.GetValue<string>());
        Assert.DoesNotContain(key, await admin.GetStringAsync("/api/v1/api-keys"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/api-keys/" + id)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await crm.GetAsync("/api/v1/auth/me")).StatusCode);
        var audit = await admin.GetStringAsync("/api/v1/audit");
        Assert.Contains("apikey.create", audit, StringComparison.Ordinal);
        Assert.Contains("apikey.revoke", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_CreateWithRole_ShortPasswordOrBadNameRejected()
    {
        using var admin = _server.As("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/users", new { name = "newbie", role = "analyst", password = "long-enough-pw" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/users", new { name = "shorty", role = "analyst", password = "short" })).StatusCode);
        using var sql = await admin.PostAsJsonAsync("/api/v1/users", new { name = "x'; DROP TABLE segmenta_users; --", role = "viewer", password = "long-enough-pw" });
        Assert.Equal(HttpStatusCode.BadRequest, sql.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/users", new { name = "boss", role = "root", password = "long-enough-pw" })).StatusCode);
        var users = await admin.GetStringAsync("/api/v1/users");
        Assert.Contains("newbie", users, StringComparison.Ordinal);
        Assert.DoesNotContain("password", users, StringComparison.OrdinalIgnoreCase);
        // Stored with PBKDF2 (Identity v3 format: first byte 0x01), never in clear.
        var hash = _server.Services.GetRequiredService<Segmenta.Server.Store.ServerStore>()
            .Query("SELECT password_hash FROM segmenta_users WHERE name = ?", "newbie")[0][0] as string;
        Assert.Equal(0x01, Convert.FromBase64String(hash!)[0]);
    }

    [Fact]
    public async Task Secrets_NeverLogged()
    {
        var (client, _) = await _server.LoginAsync("admin", ServerFactory.AdminPassword);
        using var admin = _server.As("admin");
        var key = JsonNode.Parse(await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "logcheck", role = "analyst" })).Content.ReadAsStringAsync())!["key"]!.GetValue<string>();
        using var withKey = _server.CreateClient();
        withKey.DefaultRequestHeaders.Add("X-Api-Key", key);
        await withKey.GetStringAsync("/api/v1/auth/me");
        await client.GetStringAsync("/api/v1/auth/me");
        // A session cookie and CSRF token, used by hand: neither may appear in the log either.
        using var raw = _server.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        using var login = await raw.PostAsJsonAsync("/api/v1/auth/login", new { name = "ann", password = ServerFactory.AnalystPassword });
        var csrf = JsonNode.Parse(await login.Content.ReadAsStringAsync())!["csrf_token"]!.GetValue<string>();
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("segmenta_session=", StringComparison.Ordinal)).Split(';')[0];
        using (var me = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout"))
        {
            me.Headers.Add("Cookie", cookie);
            me.Headers.Add("X-CSRF-Token", csrf);
            Assert.True((await raw.SendAsync(me)).IsSuccessStatusCode);
        }
        Assert.NotEmpty(_server.Logs);
        var all = string.Join("\n", _server.Logs);
        foreach (var secret in new[] { ServerFactory.AdminPassword, ServerFactory.AnalystPassword, ServerFactory.ViewerPassword, key, _server.Keys["admin"], _server.Keys["analyst"], cookie["segmenta_session=".Length..], csrf })
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCorsHeaders_ForForeignOrigin()
    {
        using var client = _server.As("viewer");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/overview");
        request.Headers.Add("Origin", "https://evil.example");
        using var response = await client.SendAsync(request);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/runs");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var answer = await client.SendAsync(preflight);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public void WildcardCors_Refused()
    {
        using var factory = new ServerFactory(new() { ["Segmenta:CorsOrigins"] = "*" });
        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("wildcard", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_RateLimited_429()
    {
        using var factory = new ServerFactory(new() { ["Segmenta:LoginPerMinute"] = "3" });
        using var client = factory.CreateClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            codes.Add((await client.PostAsJsonAsync("/api/v1/auth/login", new { name = "x", password = "wrong-password" })).StatusCode);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], codes);
    }

    [Fact]
    public async Task ApiKey_RateLimited_429()
    {
        using var factory = new ServerFactory(new() { ["Segmenta:RequestsPerMinute"] = "60" });
        using var client = factory.As("viewer");
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 70; i++) codes.Add((await client.GetAsync("/api/v1/runs")).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, codes);
        Assert.Equal(HttpStatusCode.OK, codes[0]);
    }

    [Fact]
    public async Task OpenApi_DocumentListsEndpoints_DocsPageOffline()
    {
        using var client = _server.As("viewer");
        var doc = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var p in new[] { "/health", "/api/v1/auth/login", "/api/v1/uploads/{kind}", "/api/v1/runs", "/api/v1/runs/{id}", "/api/v1/customers", "/api/v1/exports/customers", "/api/v1/snapshots", "/api/v1/migration" })
            Assert.Contains(p, paths);
        var page = await client.GetStringAsync("/docs");
        Assert.DoesNotContain("cdn.jsdelivr", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page.Replace("https://github.com", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ServedOffline_NoCdn()
    {
        using var client = _server.CreateClient();
        var html = await client.GetStringAsync("/");
        Assert.Contains("vendor/echarts.min.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.Ordinal);
        var echarts = await client.GetByteArrayAsync("/vendor/echarts.min.js");
        Assert.True(echarts.Length > 500_000);
        Assert.Contains("Apache", Encoding.UTF8.GetString(await client.GetByteArrayAsync("/vendor/ECHARTS_LICENSE.txt")), StringComparison.Ordinal);
    }
}
