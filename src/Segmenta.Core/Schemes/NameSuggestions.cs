using Segmenta.Core.Schemes.Rules.Internal;

namespace Segmenta.Core.Schemes;

/// <summary>"Did you mean …" for names a user typed (YAML keys, scheme names, customer ids), the same edit-distance rule the rule checker uses.</summary>
public static class NameSuggestions
{
    /// <summary>The known names closest to <paramref name="name"/> (at most a few; empty when none is close).</summary>
    public static IReadOnlyList<string> Suggest(string name, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(known);
        return NameSuggester.Suggest(name, known);
    }

    /// <summary><c>; did you mean "x" or "y"?</c>, or an empty string when nothing is close.</summary>
    public static string DidYouMean(string name, IEnumerable<string> known)
    {
        var suggestions = Suggest(name, known);
        return suggestions.Count == 0 ? "" : "; did you mean " + string.Join(" or ", suggestions.Select(s => $"\"{s}\"")) + "?";
    }
}
