namespace Segmenta.Data.Import;

/// <summary>
/// The four interaction types and the words that name them in English and Chinese exports. Matching is on the trimmed,
/// lower-cased text; anything else is rejected (<c>bad_type</c>) rather than guessed.
/// </summary>
public static class InteractionTypes
{
    /// <summary>A face-to-face visit at the customer (拜访).</summary>
    public const string Visit = "visit";

    /// <summary>A telephone call (电话).</summary>
    public const string Call = "call";

    /// <summary>An email (邮件).</summary>
    public const string Email = "email";

    /// <summary>A meeting, conference or event (会议).</summary>
    public const string Meeting = "meeting";

    /// <summary>Each type and the words that mean it (lower case).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [Visit] = ["visit", "visits", "onsite", "on-site", "on_site", "face to face", "face-to-face", "拜访", "上门", "上门拜访", "走访", "面访", "现场拜访", "登门拜访"],
        [Call] = ["call", "calls", "phone", "phone call", "telephone", "电话", "电话拜访", "致电", "电话沟通", "电访", "通话"],
        [Email] = ["email", "e-mail", "mail", "邮件", "电子邮件", "电邮"],
        [Meeting] = ["meeting", "meetings", "conference", "event", "seminar", "会议", "会面", "学术会议", "研讨会", "会谈"],
    };

    /// <summary>The types, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Visit, Call, Email, Meeting];

    /// <summary>SQL giving the type of a raw text value, NULL when it names none.</summary>
    internal static string Sql(string raw)
    {
        var key = $"lower(trim({raw}))";
        var branches = Synonyms.Select(kv =>
            $"WHEN {key} IN ({string.Join(", ", kv.Value.Select(HeaderText.Literal))}) THEN {HeaderText.Literal(kv.Key)}");
        return $"CASE {string.Join(" ", branches)} END";
    }
}
