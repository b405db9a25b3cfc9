using System.Security.Cryptography;
using System.Text;

namespace Segmenta.Server.Security;

/// <summary>
/// CSRF protection for cookie sessions: an unsafe request (POST, PUT, PATCH, DELETE) authenticated by the session
/// cookie must carry <c>X-CSRF-Token</c> equal to the token issued at login (kept in the session's claims).
/// A cross-site page cannot read the token (no CORS) nor set a custom header without a CORS preflight, and the cookie
/// is SameSite=Strict besides. API-key requests carry no ambient credentials, so they need no token.
/// </summary>
internal sealed class CsrfMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var unsafeMethod = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
        if (unsafeMethod && context.User.Identity is { IsAuthenticated: true, AuthenticationType: AuthClaims.CookieScheme })
        {
            var expected = context.User.FindFirst(AuthClaims.Csrf)?.Value;
            var sent = context.Request.Headers[AuthClaims.CsrfHeader].ToString();
            if (expected is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(sent)))
            {
                await Results.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "CSRF token missing or wrong",
                    detail: $"send the {AuthClaims.CsrfHeader} header returned by login or GET /api/v1/auth/me. / 请在请求头 {AuthClaims.CsrfHeader} 中附上登录时返回的令牌。")
                    .ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    }
}
