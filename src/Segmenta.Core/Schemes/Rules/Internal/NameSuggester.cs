namespace Segmenta.Core.Schemes.Rules.Internal;

/// <summary>"Did you mean …" for unknown names, by optimal-string-alignment edit distance (typos and swaps).</summary>
internal static class NameSuggester
{
    private const int MaxSuggestions = 3;

    /// <summary>The known names closest to <paramref name="name"/>, best first; empty when none is close.</summary>
    public static IReadOnlyList<string> Suggest(string name, IEnumerable<string> known)
    {
        var names = known.ToList();
        var sameIgnoringCase = names.Where(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (sameIgnoringCase.Count > 0) return sameIgnoringCase;
        var limit = Math.Clamp(name.Length / 3, 1, 3);
        return [.. names
            .Select(n => (Name: n, Distance: Distance(name.ToLowerInvariant(), n.ToLowerInvariant())))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(x => x.Name)];
    }

    /// <summary>Edits (insert, delete, substitute, swap two neighbours) to turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
