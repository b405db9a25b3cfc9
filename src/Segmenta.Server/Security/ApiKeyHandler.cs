using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Segmenta.Server.Security;

/// <summary>
/// Authenticates integrations by API key: <c>X-Api-Key: sgk_…</c> or <c>Authorization: Bearer sgk_…</c>.
/// The key itself is never logged; the principal is named <c>key:NAME</c>.
/// </summary>
internal sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserStore users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The key from the request, or null when it carries none.</summary>
    public static string? KeyFrom(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.TryGetValue(AuthClaims.ApiKeyHeader, out var header) && header.Count == 1) return header[0];
        var auth = request.Headers.Authorization;
        if (auth.Count == 1 && auth[0] is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return value["Bearer ".Length..].Trim();
        return null;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = KeyFrom(Request);
        if (key is null) return Task.FromResult(AuthenticateResult.NoResult());
        var found = users.FindApiKey(key);
        if (found is null) return Task.FromResult(AuthenticateResult.Fail("unknown or revoked API key"));
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "key:" + found.Name), new Claim(ClaimTypes.Role, found.Role), new Claim(AuthClaims.KeyId, found.Id)],
            Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}
