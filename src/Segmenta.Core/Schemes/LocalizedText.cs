namespace Segmenta.Core.Schemes;

/// <summary>A user-facing text in both supported languages.</summary>
/// <param name="ZhCn">简体中文.</param>
/// <param name="En">English.</param>
public sealed record LocalizedText(string ZhCn, string En)
{
    /// <summary>The text for a language tag (<c>zh-CN</c> or <c>en</c>; anything starting with "zh" is Chinese).</summary>
    public string For(string language) =>
        language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? ZhCn : En;
}
