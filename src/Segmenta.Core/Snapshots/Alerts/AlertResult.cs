namespace Segmenta.Core.Snapshots.Alerts;

/// <summary>The outcome of one rule on one snapshot.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Status"><c>triggered</c>, <c>ok</c> or <c>skipped</c>.</param>
/// <param name="MessageEn">What happened, in English.</param>
/// <param name="MessageZh">What happened, in Chinese.</param>
/// <param name="Customers">The customers concerned (sorted), empty for segment-size rules.</param>
/// <param name="Value">The measured quantity (customers, or relative change), when there is one.</param>
public sealed record AlertResult(AlertRule Rule, string Status, string MessageEn, string MessageZh, IReadOnlyList<string> Customers, double? Value)
{
    /// <summary>Status of a rule that fired.</summary>
    public const string Triggered = "triggered";

    /// <summary>Status of a rule that was checked and did not fire.</summary>
    public const string Ok = "ok";

    /// <summary>Status of a rule that could not be checked (no previous snapshot, no interactions).</summary>
    public const string Skipped = "skipped";

    /// <summary>The message in <paramref name="language"/> (<c>zh-CN</c> or <c>en</c>).</summary>
    public string Message(string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? MessageZh : MessageEn;
}
