namespace Segmenta.Data.Output;

/// <summary>The in-memory twin of <see cref="SafeSelect"/>: a text cell that a spreadsheet would read as a formula gets a leading apostrophe.</summary>
internal static class SafeText
{
    public static string Neutralise(string? text) =>
        string.IsNullOrEmpty(text) ? text ?? "" : text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
