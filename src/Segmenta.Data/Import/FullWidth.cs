namespace Segmenta.Data.Import;

/// <summary>
/// Full-width digits and punctuation (U+FF01–U+FF5E: <c>１２３４．５０</c>, <c>（５００）</c>, <c>２０２４－０１－０５</c>), as a
/// Chinese input method types them, mapped to their ASCII forms before numbers and dates are parsed. Only the slow
/// parse paths use it (a value that already casts never reaches it), so clean files pay nothing. The full-width comma
/// becomes a comma, so <c>１２３，４５</c> is read like <c>123,45</c> (rejected: ambiguous with "." as decimal separator).
/// </summary>
internal static class FullWidth
{
    private const string From = "０１２３４５６７８９．，（）－＋／：";
    private const string To = "0123456789.,()-+/:";

    /// <summary>SQL: <paramref name="x"/> with full-width digits and number/date punctuation replaced by ASCII.</summary>
    public static string Ascii(string x) => $"translate({x}, '{From}', '{To}')";
}
