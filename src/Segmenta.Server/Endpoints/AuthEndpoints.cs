using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Segmenta.Server.Security;

namespace Segmenta.Server.Endpoints;

/// <summary>Login (session cookie + CSRF token), logout and "who am I".</summary>
internal static class AuthEndpoints
{
    /// <summary>The login body.</summary>
    internal sealed record LoginRequest(string Name, string Password);

    /// <summary>Who is signed in; <c>csrf_token</c> goes in <c>X-CSRF-Token</c> on unsafe requests.</summary>
    internal sealed record Me(string Name, string Role, string Auth, string? CsrfToken);

    public static void Map(RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("auth");
        auth.MapPost("/login", async (LoginRequest body, HttpContext ctx, UserStore users, AuditLog audit) =>
        {
            var role = body.Name is null || body.Password is null ? null : users.CheckPassword(body.Name, body.Password);
            if (role is null)
            {
                audit.Write(body.Name ?? "-", "auth.login_failed", "wrong name or password");
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Login failed", detail: "wrong name or password. / 用户名或密码错误。");
            }
            var csrf = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, body.Name!), new Claim(ClaimTypes.Role, role), new Claim(AuthClaims.Csrf, csrf)],
                AuthClaims.CookieScheme);
            await ctx.SignInAsync(AuthClaims.CookieScheme, new ClaimsPrincipal(identity));
            audit.Write(body.Name!, "auth.login", "session started");
            return Results.Ok(new Me(body.Name!, role, "cookie", csrf));
        }).AllowAnonymous().RequireRateLimiting(ServerHost.LoginPolicy)
          .WithSummary("Sign in with name and password; sets an HttpOnly, SameSite=Strict session cookie and returns the CSRF token.")
          .Produces<Me>().ProducesProblem(401).ProducesProblem(429);

        auth.MapPost("/logout", async (HttpContext ctx) =>
        {
            await ctx.SignOutAsync(AuthClaims.CookieScheme);
            return Results.NoContent();
        }).WithSummary("End the session.");

        auth.MapGet("/me", (ClaimsPrincipal user) => Results.Ok(new Me(
                user.Actor(), user.FindFirstValue(ClaimTypes.Role) ?? "", user.Identity?.AuthenticationType ?? "",
                user.FindFirstValue(AuthClaims.Csrf))))
            .WithSummary("The signed-in user or API key, its role and (for sessions) the CSRF token.").Produces<Me>().ProducesProblem(401);
    }
}
