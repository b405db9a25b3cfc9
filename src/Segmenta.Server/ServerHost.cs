using System.Security.Claims;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.FileProviders;
using Scalar.AspNetCore;
using Segmenta.Server.Endpoints;
using Segmenta.Server.Jobs;
using Segmenta.Server.Security;
using Segmenta.Server.Store;
using Segmenta.Server.Uploads;

namespace Segmenta.Server;

/// <summary>
/// Builds the Segmenta web application: the REST API under <c>/api/v1</c>, its OpenAPI document and docs page, the
/// dashboard, authentication (session cookie or API key), roles, CSRF checks, rate limits and problem details.
/// The <c>segmenta serve</c> command and <see cref="Program"/> both start the server through here.
/// </summary>
internal static class ServerHost
{
    /// <summary>Builds the application from command-line style arguments (<c>--urls</c>, <c>--Segmenta:Db=FILE</c> …).</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // Loopback only unless --urls (or ASPNETCORE_URLS) says otherwise.
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(ServerSettings.DefaultUrls);
        builder.WebHost.ConfigureKestrel((context, k) =>
        {
            var limits = ServerSettings.From(context.Configuration);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 1024 * 1024; // JSON bodies; upload endpoints raise it for themselves
            // Slow uploads (a body dripped a few bytes at a time to hold a connection) are cut with 408.
            k.Limits.MinRequestBodyDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(limits.MinBodyBytesPerSecond, TimeSpan.FromSeconds(limits.BodyGraceSeconds));
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(limits.RequestHeadersTimeoutSeconds); // slow headers too
        });
        ConfigureServices(builder.Services);
        var app = builder.Build();
        Configure(app);
        return app;
    }

    private static void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(sp => ServerSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ServerStore>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<UploadService>();
        services.AddSingleton<RunHooks>();
        services.AddSingleton<RunJobs>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiProblems>();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Segmenta API";
            doc.Info.Version = "v1";
            doc.Info.Description = "Customer segmentation: uploads, runs, segments, customers, exports. Authenticate with the session cookie (POST /api/v1/auth/login) or an API key (X-Api-Key).";
            return Task.CompletedTask;
        }));

        services.AddAuthentication(AuthClaims.SelectorScheme)
            .AddPolicyScheme(AuthClaims.SelectorScheme, "Cookie or API key", o =>
                o.ForwardDefaultSelector = ctx => ApiKeyHandler.KeyFrom(ctx.Request) is null ? AuthClaims.CookieScheme : AuthClaims.ApiKeyScheme)
            .AddCookie(AuthClaims.CookieScheme, o =>
            {
                o.Cookie.Name = "segmenta_session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure whenever served over https
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // An API answers 401/403, never a redirect to a login page.
                o.Events.OnRedirectToLogin = ctx => { ctx.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                o.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(AuthClaims.ApiKeyScheme, null);

        services.AddAuthorizationBuilder()
            // Nothing is open by default: every endpoint needs a signed-in user or key unless it says AllowAnonymous.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.CanView, p => p.RequireRole(Roles.All))
            .AddPolicy(Roles.CanAnalyse, p => p.RequireRole(Roles.Admin, Roles.Analyst))
            .AddPolicy(Roles.CanAdminister, p => p.RequireRole(Roles.Admin));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: 429, title: "Too many requests", detail: "rate limit reached; wait and try again. / 请求过于频繁，请稍后再试。").ExecuteAsync(ctx.HttpContext);
            };
            o.AddPolicy(LoginPolicy, ctx =>
            {
                var limit = ctx.RequestServices.GetRequiredService<ServerSettings>().LoginPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            // Per user / API key: a token bucket of RequestsPerMinute, refilled every second.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            {
                if (ctx.User.Identity is not { IsAuthenticated: true, Name: { } name }) return RateLimitPartition.GetNoLimiter("anonymous");
                var perMinute = ctx.RequestServices.GetRequiredService<ServerSettings>().RequestsPerMinute;
                return RateLimitPartition.GetTokenBucketLimiter(name, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perMinute,
                    TokensPerPeriod = Math.Max(1, perMinute / 60),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                });
            });
        });
        services.AddCors(); // policies are added in Configure only when origins are configured
    }

    /// <summary>The rate-limit policy of the login endpoint.</summary>
    public const string LoginPolicy = "login";

    private static void Configure(WebApplication app)
    {
        var settings = app.Services.GetRequiredService<ServerSettings>();
        Directory.CreateDirectory(settings.DataDirectory);
        app.Services.GetRequiredService<ServerStore>().Execute(
            $"UPDATE {ServerStore.Runs} SET status = 'failed', error = 'interrupted: the server stopped during the run. / 服务器在运行中停止。' WHERE status = 'running'");

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            // Everything the dashboard needs is served here: no CDN, no inline script.
            if (!ctx.Request.Path.StartsWithSegments("/docs")) // the API docs page (Scalar) boots from an inline script
                h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; worker-src 'self' blob:; font-src 'self' data:; frame-ancestors 'none'";
            await next(ctx);
        });
        if (settings.CorsOrigins.Count > 0)
        {
            if (settings.CorsOrigins.Any(o => o.Contains('*', StringComparison.Ordinal)))
                throw new Core.SegmentaInputException("Segmenta:CorsOrigins: wildcard origins are not allowed; list each origin, e.g. https://crm.example.com. / 不允许通配 CORS 来源。");
            app.UseCors(p => p.WithOrigins([.. settings.CorsOrigins]).AllowAnyHeader().WithMethods("GET", "POST", "PUT", "DELETE"));
        }
        var files = new EmbeddedFileProvider(typeof(ServerHost).Assembly, "Segmenta.Server.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<CsrfMiddleware>();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", o => o.WithTitle("Segmenta API").WithOpenApiRoutePattern("/openapi/{documentName}.json").DisableDefaultFonts());
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous().WithTags("health").WithSummary("Liveness: the only anonymous endpoint besides login.");

        var api = app.MapGroup("/api/v1");
        AuthEndpoints.Map(api);
        AdminEndpoints.Map(api);
        UploadEndpoints.Map(api);
        RunEndpoints.Map(api);
        SegmentEndpoints.Map(api);
        CustomerEndpoints.Map(api);
        SnapshotEndpoints.Map(api);
        ReportEndpoints.Map(api);
        SchemeEndpoints.Map(api);
        ExportEndpoints.Map(api);
        ExportEndpoints.MapActions(api);
    }

    /// <summary>The actor name for the audit log: the user name, or <c>key:NAME</c>.</summary>
    public static string Actor(this ClaimsPrincipal user) => user?.Identity?.Name ?? "anonymous";

    /// <summary>Raises the request body limit for an upload endpoint (Kestrel enforces it; the service counts too).</summary>
    public static void AllowLargeBody(HttpContext context, long limit)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
    }

    /// <summary>Creates the first admin (<c>segmenta serve --init-admin NAME</c>).</summary>
    public static void InitAdmin(string database, string name, string password)
    {
        var settings = new ServerSettings { Database = Path.GetFullPath(database) };
        using var store = new ServerStore(settings);
        var users = new UserStore(store, TimeProvider.System);
        users.CreateUser(name, Roles.Admin, password);
        new AuditLog(store, TimeProvider.System).Write("cli", "user.create", $"user {name} (admin) created by --init-admin");
    }
}
