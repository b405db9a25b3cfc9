using System.Text;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Core.Schemes.Rules;

namespace Segmenta.Data.Schemes;

/// <summary>
/// Reads scheme files (YAML, docs/schemes.md) into <see cref="SchemeDefinition"/>s. Every problem is one line
/// <c>FILE:LINE:COL: message — fix</c>: unparsable YAML, unknown keys (with "did you mean"), wrong types, and every
/// problem <see cref="SchemeValidator"/> finds (unknown features, type mismatches, unsorted or overlapping breaks,
/// missing default …), located at the YAML line of the field. Hardened for untrusted files: at most
/// <see cref="MaxFileBytes"/>, no anchors/aliases (no "billion laughs"), no tags, bounded nesting and node count.
/// </summary>
public static class SchemeYamlLoader
{
    /// <summary>Largest accepted scheme file (1 MiB).</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Reads a scheme from text; throws <see cref="SchemeFileException"/> listing every syntax and shape problem.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="source">The file name shown in problems.</param>
    public static SchemeDocument Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        var raw = new List<(YamlPosition At, string Message)>();
        if (Encoding.UTF8.GetByteCount(text) > MaxFileBytes)
            throw new SchemeFileException([new SchemeProblem(source, 1, 1, $"the file is larger than {MaxFileBytes / 1024} KiB — a scheme file is a few KiB; check it is the right file")]);
        var root = YamlTree.Parse(text, raw);
        var mapper = new SchemeYamlMapper(raw);
        var definition = root is null ? new SchemeDefinition() : mapper.Scheme(root);
        if (raw.Count > 0)
            throw new SchemeFileException([.. raw.OrderBy(p => p.At.Line).ThenBy(p => p.At.Column).Select(p => new SchemeProblem(source, p.At.Line, p.At.Column, p.Message))]);
        return new SchemeDocument(source, definition, mapper.Nodes);
    }

    /// <summary>Reads a scheme file (UTF-8, with or without BOM).</summary>
    /// <exception cref="SchemeFileException">The file is missing, too large or not a valid scheme file.</exception>
    public static SchemeDocument Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new SchemeFileException([new SchemeProblem(path, 1, 1, "file not found — check the path, or give a preset name (segmenta schemes list)")]);
        if (info.Length > MaxFileBytes)
            throw new SchemeFileException([new SchemeProblem(path, 1, 1, $"the file is {info.Length / 1024} KiB, larger than {MaxFileBytes / 1024} KiB — a scheme file is a few KiB; check it is the right file")]);
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException)
        {
            throw new SchemeFileException([new SchemeProblem(path, 1, 1, "the file is not UTF-8 — save it as UTF-8 (scheme files are UTF-8 so Chinese labels read the same everywhere)")]);
        }
        return Parse(text, path);
    }

    /// <summary>Every validation problem of a parsed scheme, located at its YAML line (empty when valid).</summary>
    /// <param name="document">The parsed file.</param>
    /// <param name="schema">The feature columns; null checks the structure only.</param>
    public static IReadOnlyList<SchemeProblem> Check(SchemeDocument document, FeatureSchema? schema)
    {
        ArgumentNullException.ThrowIfNull(document);
        var result = schema is null
            ? SchemeValidator.Validate(document.Definition, FeatureSchema.Standard()).Problems.Where(p => !IsColumnProblem(p.Message))
            : SchemeValidator.Validate(document.Definition, schema).Problems;
        return [.. result.Select(p => document.Locate(p.Message)).OrderBy(p => p.Line).ThenBy(p => p.Column)];
    }

    private static bool IsColumnProblem(string message) =>
        message.Contains("unknown column", StringComparison.Ordinal) || message.Contains("is needed here", StringComparison.Ordinal);

    /// <summary>Parses and validates; throws <see cref="SchemeFileException"/> with every problem.</summary>
    public static SchemeDocument ParseValid(string text, string source, FeatureSchema? schema)
    {
        var document = Parse(text, source);
        ThrowIfInvalid(document, schema);
        return document;
    }

    /// <summary>Throws <see cref="SchemeFileException"/> when <see cref="Check"/> finds problems.</summary>
    public static void ThrowIfInvalid(SchemeDocument document, FeatureSchema? schema)
    {
        var problems = Check(document, schema);
        if (problems.Count > 0) throw new SchemeFileException(problems);
    }

    /// <summary>The YAML as JSON (plain scalars typed by the YAML 1.2 core schema), for checks against schemas/scheme.schema.json.</summary>
    /// <exception cref="SchemeFileException">The text is not valid YAML.</exception>
    public static System.Text.Json.Nodes.JsonNode? ToJson(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var raw = new List<(YamlPosition At, string Message)>();
        var root = YamlTree.Parse(text, raw);
        if (raw.Count > 0 || root is null)
            throw new SchemeFileException([.. raw.Select(p => new SchemeProblem(source, p.At.Line, p.At.Column, p.Message))]);
        return YamlTree.ToJson(root);
    }
}
