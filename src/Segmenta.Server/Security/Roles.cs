namespace Segmenta.Server.Security;

/// <summary>
/// The three roles and the authorization policies built from them. A viewer sees segments and aggregates; an analyst
/// also sees customers, uploads, runs, exports and edits schemes; an admin also manages users, API keys and the audit log.
/// </summary>
internal static class Roles
{
    public const string Admin = "admin", Analyst = "analyst", Viewer = "viewer";

    /// <summary>Policy names: any signed-in role / analyst or admin / admin only.</summary>
    public const string CanView = "can-view", CanAnalyse = "can-analyse", CanAdminister = "can-administer";

    public static readonly string[] All = [Admin, Analyst, Viewer];

    /// <summary>The role in canonical spelling, or an input error naming the three roles.</summary>
    public static string Parse(string? role) => role?.Trim().ToLowerInvariant() switch
    {
        Admin => Admin,
        Analyst => Analyst,
        Viewer => Viewer,
        _ => throw new Core.SegmentaInputException($"role \"{role}\" is unknown: use admin, analyst or viewer. / 角色 \"{role}\" 无效：请用 admin、analyst 或 viewer。"),
    };
}
