using Segmenta.Server.Security;

namespace Segmenta.Server.Endpoints;

/// <summary>Users, API keys and the audit log (admin only).</summary>
internal static class AdminEndpoints
{
    internal sealed record NewUser(string Name, string Role, string Password);

    internal sealed record NewApiKey(string Name, string Role);

    public static void Map(RouteGroupBuilder api)
    {
        var admin = api.MapGroup("").WithTags("admin").RequireAuthorization(Roles.CanAdminister);
        admin.MapGet("/users", (UserStore users) => Results.Ok(users.ListUsers().Select(u => new { u.Name, u.Role, created_at = u.Created })))
            .WithSummary("List users (never password hashes).");
        admin.MapPost("/users", (NewUser body, UserStore users, AuditLog audit, System.Security.Claims.ClaimsPrincipal who) =>
        {
            users.CreateUser(body.Name, body.Role, body.Password);
            audit.Write(who.Actor(), "user.create", $"user {body.Name} ({Roles.Parse(body.Role)})");
            return Results.Created($"/api/v1/users/{Uri.EscapeDataString(body.Name)}", new { body.Name, role = Roles.Parse(body.Role) });
        }).WithSummary("Create a user with a role (admin, analyst, viewer).").ProducesProblem(400);

        admin.MapGet("/api-keys", (UserStore users) => Results.Ok(users.ListApiKeys().Select(k => new { k.Id, k.Name, k.Role, created_at = k.Created, revoked_at = k.Revoked })))
            .WithSummary("List API keys (never the keys).");
        admin.MapPost("/api-keys", (NewApiKey body, UserStore users, AuditLog audit, System.Security.Claims.ClaimsPrincipal who) =>
        {
            var (id, key) = users.CreateApiKey(body.Name, body.Role, who.Actor());
            audit.Write(who.Actor(), "apikey.create", $"key {id} for {body.Name} ({Roles.Parse(body.Role)})");
            return Results.Created($"/api/v1/api-keys/{id}", new { id, body.Name, role = Roles.Parse(body.Role), key, note = "shown once: store it now. / 密钥只显示一次，请立即保存。" });
        }).WithSummary("Create an API key for an integration; the key is returned once and stored only as a hash.").ProducesProblem(400);
        admin.MapDelete("/api-keys/{id}", (string id, UserStore users, AuditLog audit, System.Security.Claims.ClaimsPrincipal who) =>
        {
            if (!users.RevokeApiKey(id)) throw ApiException.NotFound("API key " + id);
            audit.Write(who.Actor(), "apikey.revoke", "key " + id);
            return Results.NoContent();
        }).WithSummary("Revoke an API key.").ProducesProblem(404);

        admin.MapGet("/audit", (AuditLog audit, int? limit, string? action) =>
            Results.Ok(audit.Recent(Math.Clamp(limit ?? 100, 1, 1000), action)))
            .WithSummary("The audit log, newest first: who, when, what (exports, scheme changes, uploads, runs, users, keys).");
    }
}
