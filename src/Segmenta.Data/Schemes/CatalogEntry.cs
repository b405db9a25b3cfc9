namespace Segmenta.Data.Schemes;

/// <summary>One scheme of the catalog: a preset shipped with Segmenta or a user's scheme file.</summary>
/// <param name="Name">The scheme's name (for an unreadable file: the file name without extension).</param>
/// <param name="Source"><c>preset</c>, or the path of the user's file.</param>
/// <param name="Document">The parsed scheme, or null when the file could not be read.</param>
/// <param name="Problems">Why the file could not be read (empty when <paramref name="Document"/> is set).</param>
public sealed record CatalogEntry(string Name, string Source, SchemeDocument? Document, IReadOnlyList<SchemeProblem> Problems)
{
    /// <summary>The source of presets.</summary>
    public const string PresetSource = "preset";

    /// <summary>True for a preset shipped with Segmenta.</summary>
    public bool IsPreset => Source == PresetSource;
}
