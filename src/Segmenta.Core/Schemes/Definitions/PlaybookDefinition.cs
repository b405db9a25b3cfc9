namespace Segmenta.Core.Schemes.Definitions;

/// <summary>What to do with the customers of a segment: the action, who does it, through which channel and how often.</summary>
public sealed record PlaybookDefinition
{
    /// <summary>YAML <c>action: { zh-CN: …, en: … }</c>: the action, e.g. 专属客户经理月度拜访 / Monthly visit by a dedicated manager.</summary>
    public LocalizedText? Action { get; init; }

    /// <summary>YAML <c>channel</c>: e.g. <c>visit</c>, <c>phone</c>, <c>wechat</c>, <c>sms</c>, <c>email</c> (free text).</summary>
    public string? Channel { get; init; }

    /// <summary>YAML <c>owner</c>: the role that owns the action, e.g. <c>key_account_manager</c> (free text).</summary>
    public string? Owner { get; init; }

    /// <summary>YAML <c>priority</c>: 1 is the most urgent; must be at least 1.</summary>
    public int? Priority { get; init; }

    /// <summary>YAML <c>contact_every_days</c>: contact each customer at least this often, in days; must be at least 1.</summary>
    public int? ContactEveryDays { get; init; }
}
