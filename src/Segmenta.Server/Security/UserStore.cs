using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Segmenta.Core;
using Segmenta.Server.Store;

namespace Segmenta.Server.Security;

/// <summary>
/// Users (name, role, password hash) and API keys (name, role, SHA-256 of the key) in the store.
/// Passwords are hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>: PBKDF2 with HMAC-SHA512,
/// 100,000 iterations, 128-bit salt, 256-bit subkey (format version 3; see the Identity source, PasswordHasher.cs,
/// and NIST SP 800-132). API keys are 256-bit random secrets, so one SHA-256 is enough to keep them unusable if the
/// store leaks (no dictionary to try); only the hash is kept, and the key is shown once at creation.
/// </summary>
internal sealed class UserStore(ServerStore store, TimeProvider clock)
{
    /// <summary>Prefix of every API key, so leaked keys are easy to find by secret scanners.</summary>
    public const string KeyPrefix = "sgk_";

    /// <summary>The shortest password accepted.</summary>
    public const int MinPasswordLength = 10;

    private static readonly System.Text.RegularExpressions.Regex NamePattern = new("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    private readonly PasswordHasher<string> _hasher = new();
    private readonly ConcurrentDictionary<string, ApiKeyPrincipal> _keyCache = new(StringComparer.Ordinal);

    /// <summary>Creates a user; the name must be new.</summary>
    public void CreateUser(string name, string role, string password)
    {
        CheckName(name);
        role = Roles.Parse(role);
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength)
            throw new SegmentaInputException($"the password must have at least {MinPasswordLength} characters. / 密码至少需要 {MinPasswordLength} 个字符。");
        if (store.Query($"SELECT 1 FROM {ServerStore.Users} WHERE name = ?", name).Count > 0)
            throw new SegmentaInputException($"user \"{name}\" already exists. / 用户 \"{name}\" 已存在。");
        store.Execute($"INSERT INTO {ServerStore.Users} VALUES (?, ?, ?, ?)", name, role, _hasher.HashPassword(name, password), clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The user's role when the password matches; null otherwise (unknown user or wrong password alike).</summary>
    public string? CheckPassword(string name, string password)
    {
        var rows = store.Query($"SELECT role, password_hash FROM {ServerStore.Users} WHERE name = ?", name);
        if (rows.Count == 0)
        {
            // Spend the same time as a real check, so response times do not reveal which names exist.
            _hasher.VerifyHashedPassword(name, DummyHash.Value, password);
            return null;
        }
        var result = _hasher.VerifyHashedPassword(name, (string)rows[0][1]!, password);
        return result == PasswordVerificationResult.Failed ? null : (string)rows[0][0]!;
    }

    /// <summary>All users (name, role, created), never hashes.</summary>
    public IReadOnlyList<(string Name, string Role, DateTime Created)> ListUsers() =>
        [.. store.Query($"SELECT name, role, created_at FROM {ServerStore.Users} ORDER BY name").Select(r => ((string)r[0]!, (string)r[1]!, (DateTime)r[2]!))];

    /// <summary>True when no user exists yet (the first admin must be created with <c>segmenta serve --init-admin</c>).</summary>
    public bool IsEmpty => store.Query($"SELECT count(*) FROM {ServerStore.Users}")[0][0] is long n && n == 0;

    /// <summary>Creates an API key for an integration; returns its id and the key (shown once, never stored).</summary>
    public (string Id, string Key) CreateApiKey(string name, string role, string createdBy)
    {
        CheckName(name);
        role = Roles.Parse(role);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var key = KeyPrefix + id + "_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        store.Execute($"INSERT INTO {ServerStore.ApiKeys} VALUES (?, ?, ?, ?, ?, ?, NULL)", id, name, role, Hash(key), createdBy, clock.GetUtcNow().UtcDateTime);
        return (id, key);
    }

    /// <summary>Revokes a key; true when it existed and was active.</summary>
    public bool RevokeApiKey(string id)
    {
        var changed = store.Execute($"UPDATE {ServerStore.ApiKeys} SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", clock.GetUtcNow().UtcDateTime, id) > 0;
        _keyCache.Clear();
        return changed;
    }

    /// <summary>All keys (id, name, role, created, revoked), never hashes.</summary>
    public IReadOnlyList<(string Id, string Name, string Role, DateTime Created, DateTime? Revoked)> ListApiKeys() =>
        [.. store.Query($"SELECT id, name, role, created_at, revoked_at FROM {ServerStore.ApiKeys} ORDER BY created_at").Select(r => ((string)r[0]!, (string)r[1]!, (string)r[2]!, (DateTime)r[3]!, r[4] as DateTime?))];

    /// <summary>The active key matching <paramref name="key"/>, or null. Lookups are cached by hash until a key is revoked.</summary>
    public ApiKeyPrincipal? FindApiKey(string key)
    {
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal) || key.Length > 200) return null;
        var hash = Hash(key);
        if (_keyCache.TryGetValue(hash, out var hit)) return hit;
        // Only found keys are cached: random guesses must not grow the cache.
        var rows = store.Query($"SELECT id, name, role FROM {ServerStore.ApiKeys} WHERE key_hash = ? AND revoked_at IS NULL", hash);
        if (rows.Count == 0) return null;
        var principal = new ApiKeyPrincipal((string)rows[0][0]!, (string)rows[0][1]!, (string)rows[0][2]!);
        _keyCache[hash] = principal;
        return principal;
    }

    private static void CheckName(string name)
    {
        if (name is null || !NamePattern.IsMatch(name))
            throw new SegmentaInputException($"name \"{name}\" is not allowed: use 1–64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit. / 名称 \"{name}\" 无效：只能用字母、数字及 . _ @ -，最长 64 个字符。");
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<string>().HashPassword("-", Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));
}

/// <summary>An active API key.</summary>
internal sealed record ApiKeyPrincipal(string Id, string Name, string Role);
