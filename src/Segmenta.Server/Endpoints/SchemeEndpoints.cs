using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Segmenta.Data.Output;
using Segmenta.Data.Schemes;
using Segmenta.Server.Security;
using Segmenta.Server.Store;

namespace Segmenta.Server.Endpoints;

/// <summary>
/// Schemes (YAML, docs/schemes.md): the presets plus the schemes saved through the API, versioned in
/// <c>segmenta_scheme_versions</c>; validation with the CLI's loader (<see cref="SchemeYamlLoader"/>), problems with line and column.
/// The newest version of each saved scheme is also written to <c>DATA/schemes/NAME.yaml</c>, the folder runs read.
/// </summary>
internal static partial class SchemeEndpoints
{
    internal sealed record SchemeText(string Yaml);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/schemes").WithTags("schemes");
        g.MapGet("", (ServerStore store) =>
        {
            var saved = store.Query($"SELECT name, max(version), arg_max(author, version), max(created_at) FROM {ServerStore.SchemeVersions} GROUP BY name ORDER BY name")
                .Select(r => new { name = (string)r[0]!, source = "saved", version = (int?)Convert.ToInt32(r[1], CultureInfo.InvariantCulture), author = (string?)r[2], updated_at = (DateTime?)r[3] }).ToList();
            var names = saved.Select(s => s.name).ToHashSet(StringComparer.Ordinal);
            var presets = PresetTexts.Value.Keys.Where(n => !names.Contains(n)).Order(StringComparer.Ordinal)
                .Select(n => new { name = n, source = "preset", version = (int?)null, author = (string?)null, updated_at = (DateTime?)null });
            return Results.Ok(saved.Concat(presets).OrderBy(s => s.name, StringComparer.Ordinal));
        }).RequireAuthorization(Roles.CanView).WithSummary("Presets and saved schemes (saved ones with their newest version).");

        g.MapGet("/{name}", (string name, ServerStore store) =>
        {
            var rows = store.Query($"SELECT version, yaml, author, created_at FROM {ServerStore.SchemeVersions} WHERE name = ? ORDER BY version DESC LIMIT 1", name);
            if (rows.Count > 0) return Results.Ok(new { name, source = "saved", version = Convert.ToInt32(rows[0][0], CultureInfo.InvariantCulture), yaml = (string)rows[0][1]!, author = (string)rows[0][2]!, updated_at = (DateTime)rows[0][3]! });
            return PresetTexts.Value.TryGetValue(name, out var text) ? Results.Ok(new { name, source = "preset", version = (int?)null, yaml = text, author = (string?)null, updated_at = (DateTime?)null })
                : throw ApiException.NotFound("scheme " + name);
        }).RequireAuthorization(Roles.CanView).WithSummary("A scheme's YAML (newest saved version, else the preset).").ProducesProblem(404);

        g.MapGet("/{name}/versions", (string name, ServerStore store) =>
            Results.Ok(store.Query($"SELECT version, author, created_at FROM {ServerStore.SchemeVersions} WHERE name = ? ORDER BY version DESC", name)
                .Select(r => new { version = Convert.ToInt32(r[0], CultureInfo.InvariantCulture), author = (string)r[1]!, created_at = (DateTime)r[2]! })))
            .RequireAuthorization(Roles.CanView).WithSummary("Saved versions of a scheme, newest first.");

        g.MapPost("/validate", (SchemeText body) => Results.Ok(Validate(body.Yaml ?? "", null)))
            .RequireAuthorization(Roles.CanView).WithSummary("Validate scheme YAML: {valid, problems: [{line, column, message}]} — the CLI's messages (`schemes validate`).");

        g.MapPut("/{name}", (string name, SchemeText body, ServerStore store, ServerSettings settings, AuditLog audit, TimeProvider clock, ClaimsPrincipal who) =>
        {
            if (!NamePattern().IsMatch(name))
                throw new Core.SegmentaInputException($"scheme name \"{name}\": use 1–63 lower-case letters, digits and '_', starting with a letter (it becomes a column name). / 方案名只能包含小写字母、数字和下划线，并以字母开头。");
            var result = Validate(body.Yaml ?? "", name);
            if (!result.Valid)
                throw new ApiException(StatusCodes.Status422UnprocessableEntity, "Invalid scheme", string.Join("; ", result.Problems.Select(p => $"line {p.Line}: {p.Message}")),
                    new Dictionary<string, object?> { ["problems"] = result.Problems });
            var version = 1 + Convert.ToInt32(store.Query($"SELECT coalesce(max(version), 0) FROM {ServerStore.SchemeVersions} WHERE name = ?", name)[0][0], CultureInfo.InvariantCulture);
            store.Execute($"INSERT INTO {ServerStore.SchemeVersions} VALUES (?, ?, ?, ?, ?)", name, version, body.Yaml, who.Actor(), clock.GetUtcNow().UtcDateTime);
            var dir = Path.Combine(settings.DataDirectory, "schemes");
            Directory.CreateDirectory(dir);
            AtomicFile.Write(Path.Combine(dir, name + ".yaml"), temp => File.WriteAllText(temp, body.Yaml));
            audit.Write(who.Actor(), version == 1 ? "scheme.create" : "scheme.update", $"scheme {name} version {version}");
            return Results.Ok(new { name, version });
        }).RequireAuthorization(Roles.CanAnalyse)
          .WithSummary("Create or update a scheme: validated, stored as a new version (audited). 422 with the problems when invalid.")
          .ProducesProblem(400).ProducesProblem(403).ProducesProblem(422);
    }

    /// <summary>One problem for the editor.</summary>
    internal sealed record Problem(int Line, int Column, string Message);

    /// <summary>The validation result.</summary>
    internal sealed record ValidationResult(bool Valid, IReadOnlyList<Problem> Problems);

    /// <summary>Parses and checks YAML with the CLI's loader and the default feature schema; <paramref name="name"/>, when given, must match the file's name.</summary>
    internal static ValidationResult Validate(string yaml, string? name)
    {
        IReadOnlyList<SchemeProblem> problems;
        try
        {
            var document = SchemeYamlLoader.Parse(yaml, "scheme.yaml");
            problems = SchemeYamlLoader.Check(document, SchemeCatalog.DefaultSchema());
            if (problems.Count == 0 && name is not null && document.Definition.Name != name)
                problems = [new SchemeProblem("scheme.yaml", 1, 1, $"name: the file says \"{document.Definition.Name}\" but it is saved as \"{name}\" — make them the same")];
        }
        catch (SchemeFileException ex)
        {
            problems = ex.Problems.Count > 0 ? ex.Problems : [new SchemeProblem("scheme.yaml", 1, 1, ex.Message)];
        }
        return new ValidationResult(problems.Count == 0, [.. problems.Select(p => new Problem(p.Line, p.Column, p.Message))]);
    }

    /// <summary>The presets' YAML text by scheme name (read from Segmenta.Data's resources).</summary>
    private static readonly Lazy<IReadOnlyDictionary<string, string>> PresetTexts = new(() =>
    {
        var assembly = typeof(SchemeCatalog).Assembly;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Segmenta.Data.Schemes.Presets.", StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var text = reader.ReadToEnd();
            texts[SchemeYamlLoader.Parse(text, resource).Definition.Name] = text;
        }
        return texts;
    });

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
