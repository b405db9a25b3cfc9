using Segmenta.Server.Store;

namespace Segmenta.Server.Security;

/// <summary>
/// The audit log: who did what and when, for every export, scheme change, upload, run and user or key change. One row
/// per event in <c>segmenta_audit</c>; rows are only ever inserted. Details never hold passwords or keys.
/// </summary>
internal sealed class AuditLog(ServerStore store, TimeProvider clock)
{
    /// <summary>Records one event.</summary>
    public void Write(string actor, string action, string detail) =>
        store.Execute($"INSERT INTO {ServerStore.Audit} (occurred_at, actor, action, detail) VALUES (?, ?, ?, ?)",
            clock.GetUtcNow().UtcDateTime, actor, action, detail);

    /// <summary>The newest events first.</summary>
    public IReadOnlyList<AuditEntry> Recent(int limit, string? action)
    {
        var rows = action is null
            ? store.Query($"SELECT id, occurred_at, actor, action, detail FROM {ServerStore.Audit} ORDER BY id DESC LIMIT ?", limit)
            : store.Query($"SELECT id, occurred_at, actor, action, detail FROM {ServerStore.Audit} WHERE action = ? ORDER BY id DESC LIMIT ?", action, limit);
        return [.. rows.Select(r => new AuditEntry(Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture), (DateTime)r[1]!, (string)r[2]!, (string)r[3]!, r[4] as string))];
    }
}

/// <summary>One audit log row.</summary>
/// <param name="Id">Sequence number.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Actor">The user name, or <c>key:NAME</c> for an API key.</param>
/// <param name="Action">What, e.g. <c>export.actions</c>, <c>scheme.create</c>.</param>
/// <param name="Detail">Which object and how many rows.</param>
internal sealed record AuditEntry(long Id, DateTime At, string Actor, string Action, string? Detail);
