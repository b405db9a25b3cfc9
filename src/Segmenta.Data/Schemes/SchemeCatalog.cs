using System.Reflection;
using System.Text;
using Segmenta.Core;
using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Rules;

namespace Segmenta.Data.Schemes;

/// <summary>
/// The schemes a user can run: the presets shipped inside Segmenta.Data (<c>Schemes/Presets/*.yaml</c>) and the
/// <c>*.yaml</c> / <c>*.yml</c> files of a user directory (default <c>./schemes/</c>). A user file whose scheme has a
/// preset's name replaces the preset. The CLI (<c>segmenta schemes</c>, <c>segment --scheme</c>) and the server use it.
/// </summary>
public sealed class SchemeCatalog
{
    /// <summary>The user directory read when none is given.</summary>
    public const string DefaultDirectory = "schemes";

    private const string ResourcePrefix = "Segmenta.Data.Schemes.Presets.";

    private SchemeCatalog(IReadOnlyList<CatalogEntry> entries, string? directory)
    {
        Entries = entries;
        Directory = directory;
    }

    /// <summary>Every scheme: presets first (by name), then user files (by name).</summary>
    public IReadOnlyList<CatalogEntry> Entries { get; }

    /// <summary>The user directory that was read, or null when it does not exist.</summary>
    public string? Directory { get; }

    /// <summary>The presets and the user files of <paramref name="userDirectory"/> (default <see cref="DefaultDirectory"/>; a missing directory adds nothing).</summary>
    public static SchemeCatalog Create(string? userDirectory = null)
    {
        var presets = Presets();
        var user = new List<CatalogEntry>();
        var dir = userDirectory ?? DefaultDirectory;
        if (System.IO.Directory.Exists(dir))
        {
            foreach (var path in System.IO.Directory.EnumerateFiles(dir)
                .Where(p => p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal))
            {
                user.Add(ReadFile(path));
            }
        }
        else if (userDirectory is not null)
        {
            throw new SegmentaInputException($"--schemes-dir {userDirectory}: no such directory — create it or give the folder that holds your scheme files.");
        }
        var userNames = user.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        var entries = presets.Where(p => !userNames.Contains(p.Name)).OrderBy(p => p.Name, StringComparer.Ordinal)
            .Concat(user.OrderBy(u => u.Name, StringComparer.Ordinal)).ToList();
        return new SchemeCatalog(entries, System.IO.Directory.Exists(dir) ? dir : null);
    }

    /// <summary>The presets shipped with Segmenta, by name.</summary>
    public static IReadOnlyList<CatalogEntry> Presets()
    {
        var assembly = typeof(SchemeCatalog).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => ReadPreset(assembly, n))];
    }

    private static CatalogEntry ReadPreset(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var file = resource[ResourcePrefix.Length..^".yaml".Length];
        var document = SchemeYamlLoader.Parse(reader.ReadToEnd(), $"preset:{file}");
        return new CatalogEntry(document.Definition.Name, CatalogEntry.PresetSource, document, []);
    }

    private static CatalogEntry ReadFile(string path)
    {
        try
        {
            var document = SchemeYamlLoader.Load(path);
            var name = string.IsNullOrWhiteSpace(document.Definition.Name) ? Path.GetFileNameWithoutExtension(path) : document.Definition.Name;
            return new CatalogEntry(name, path, document, []);
        }
        catch (SchemeFileException e)
        {
            return new CatalogEntry(Path.GetFileNameWithoutExtension(path), path, null, e.Problems);
        }
    }

    /// <summary>The scheme named <paramref name="name"/>, or null.</summary>
    public CatalogEntry? Find(string name) => Entries.FirstOrDefault(e => e.Name == name);

    /// <summary>
    /// A scheme by file path (when the file exists or the argument ends in .yaml/.yml) or by catalog name.
    /// </summary>
    /// <exception cref="SegmentaInputException">No such file or name ("did you mean" a catalog name), or the file is not a valid scheme file.</exception>
    public SchemeDocument Resolve(string fileOrName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileOrName);
        if (File.Exists(fileOrName) || fileOrName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || fileOrName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            return SchemeYamlLoader.Load(fileOrName);
        var entry = Find(fileOrName) ?? throw new SegmentaInputException(
            $"--scheme {fileOrName}: no scheme file or catalog scheme of that name{NameSuggestions.DidYouMean(fileOrName, Entries.Select(e => e.Name))} — run \"segmenta schemes list\" to see the presets and your schemes");
        if (entry.Document is null) throw new SchemeFileException(entry.Problems);
        return entry.Document;
    }

    /// <summary>Validates scheme text (e.g. posted to the server): every problem, located at its line; empty when valid.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="source">The name shown in problems.</param>
    /// <param name="schema">The feature columns; null means <see cref="DefaultSchema"/> with this catalog's schemes as combinable columns.</param>
    public IReadOnlyList<SchemeProblem> ValidateText(string text, string source, FeatureSchema? schema = null)
    {
        try
        {
            var document = SchemeYamlLoader.Parse(text, source);
            return SchemeYamlLoader.Check(document, schema ?? DefaultSchema(Entries.Select(e => e.Name).Where(n => n != document.Definition.Name)));
        }
        catch (SchemeFileException e)
        {
            return e.Problems;
        }
    }

    /// <summary>The attribute columns the importer recognises by header (always text).</summary>
    public static IReadOnlyList<string> KnownAttributeColumns { get; } = ["region", "industry", "channel", "city", "category"];

    /// <summary>
    /// The columns a scheme may use when no data is at hand (<c>schemes validate</c> without <c>--db</c>): the standard
    /// features, the model features of <c>--clv</c> with the default 12-month horizon (<c>p_alive</c>,
    /// <c>exp_purchases_12m</c>, <c>exp_spend</c>, <c>clv_12m</c>), the built-in schemes' columns (<c>rfm_segment</c>,
    /// <c>rfm_cn8</c>, <c>abc_class</c>, <c>value_tier</c>, <c>rfm_score</c>), the recognised attribute columns
    /// (<see cref="KnownAttributeColumns"/>) and the given scheme names (segment columns for kind combine).
    /// </summary>
    public static FeatureSchema DefaultSchema(IEnumerable<string>? schemeColumns = null)
    {
        var columns = new Dictionary<string, FeatureType>(FeatureSchema.StandardFeatures, StringComparer.Ordinal);
        foreach (var n in new[] { "p_alive", "exp_purchases_12m", "exp_spend", "clv_12m", "rfm_score" })
            columns.TryAdd(n, FeatureType.Number);
        foreach (var n in BuiltInSegmentColumns.Concat(KnownAttributeColumns).Concat(schemeColumns ?? []))
            columns.TryAdd(n, FeatureType.Text);
        return new FeatureSchema(columns);
    }

    /// <summary>The segment columns of the built-in schemes, usable by kind combine and attribute.</summary>
    public static IReadOnlyList<string> BuiltInSegmentColumns { get; } =
        [Core.Rfm.RfmScheme.SegmentColumn, Core.Rfm.RfmCn8Scheme.SegmentColumn, Core.Abc.AbcScheme.SegmentColumn, Core.ValueTiers.ValueTierScheme.SegmentColumn];
}
