namespace Segmenta.Server.Security;

/// <summary>Claim types and authentication scheme names of the server.</summary>
internal static class AuthClaims
{
    /// <summary>The CSRF token bound to a cookie session (sent back in the <c>X-CSRF-Token</c> header).</summary>
    public const string Csrf = "segmenta:csrf";

    /// <summary>The API key id, on principals authenticated by an API key.</summary>
    public const string KeyId = "segmenta:key";

    /// <summary>Authentication schemes: the session cookie, API keys, and the selector between them (the default).</summary>
    public const string CookieScheme = "cookie", ApiKeyScheme = "apikey", SelectorScheme = "cookie-or-apikey";

    /// <summary>The header unsafe cookie-authenticated requests must carry.</summary>
    public const string CsrfHeader = "X-CSRF-Token";

    /// <summary>The API key header (alternative: <c>Authorization: Bearer KEY</c>).</summary>
    public const string ApiKeyHeader = "X-Api-Key";
}
