namespace Segmenta.Core.Schemes.Definitions.Internal;

/// <summary>Checks the fields every scheme has, then the fields of its kind (<see cref="KindChecker"/>).</summary>
internal static class DefinitionChecker
{
    public static void Check(SchemeDefinition definition, ProblemList problems)
    {
        CheckName(definition.Name, problems);
        var kindKnown = problems.RequireOneOf("kind", definition.Kind, SchemeKinds.All);
        CheckSegments(definition, problems);
        if (!kindKnown)
            return;
        CheckUnusedSettings(definition, problems);
        KindChecker.Check(definition, problems);
    }

    private static void CheckName(string? name, ProblemList problems)
    {
        if (string.IsNullOrWhiteSpace(name))
            problems.Add("name", "missing: the scheme needs a name such as key_accounts (it names the output column)");
        else if (!IsSnakeCase(name))
            problems.Add("name", $"\"{name}\" must be lower-case snake_case (a-z, 0-9, _; starting with a letter), e.g. key_accounts, because it names the output column");
    }

    private static bool IsSnakeCase(string name) =>
        name[0] is >= 'a' and <= 'z' && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_');

    private static void CheckSegments(SchemeDefinition definition, ProblemList problems)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Segments.Count; i++)
        {
            var segment = definition.Segments[i];
            var path = $"segments[{i}]";
            if (segment is null)
            {
                problems.Add(path, "empty entry: give the segment a name");
                continue;
            }
            if (string.IsNullOrWhiteSpace(segment.Name))
                problems.Add($"{path}.name", "missing: every segment needs a name (the key stored per customer)");
            else if (segment.Name.Trim() != segment.Name)
                problems.Add($"{path}.name", $"\"{segment.Name}\" starts or ends with spaces");
            else if (!seen.TryAdd(segment.Name, i))
                problems.Add($"{path}.name", $"duplicate segment name \"{segment.Name}\" (also segments[{seen[segment.Name]}]): segment names must be unique");
            CheckPlaybook($"{path}.playbook", segment.Playbook, problems);
            CheckKindFields(definition.Kind, path, segment, problems);
        }
    }

    private static void CheckPlaybook(string path, PlaybookDefinition? playbook, ProblemList problems)
    {
        if (playbook is null)
            return;
        if (playbook.Priority is < 1)
            problems.Add($"{path}.priority", $"{playbook.Priority} is not a priority: use 1 (most urgent) or more");
        if (playbook.ContactEveryDays is < 1)
            problems.Add($"{path}.contact_every_days", $"{playbook.ContactEveryDays} is not a number of days: use 1 or more");
    }

    /// <summary>A segment field that the scheme's kind never reads is a mistake worth reporting.</summary>
    private static void CheckKindFields(string kind, string path, SegmentDefinition segment, ProblemList problems)
    {
        if (segment.When is not null && kind is not (SchemeKinds.Rules or SchemeKinds.Behaviour or SchemeKinds.Needs))
            problems.Add($"{path}.when", $"kind {kind} does not use rules; remove \"when\" or use kind rules");
        if (segment.Cell is not null && kind != SchemeKinds.Matrix)
            problems.Add($"{path}.cell", $"kind {kind} has no cells; \"cell\" is for kind matrix");
        if (segment.Match is not null && kind != SchemeKinds.Combine)
            problems.Add($"{path}.match", $"kind {kind} does not combine schemes; \"match\" is for kind combine");
    }

    private static void CheckUnusedSettings(SchemeDefinition d, ProblemList problems)
    {
        (string Key, object? Value)[] settings =
        [
            (SchemeKinds.Bins, d.Bins), (SchemeKinds.Matrix, d.Matrix), (SchemeKinds.Grading, d.Grading),
            (SchemeKinds.Lifecycle, d.Lifecycle), (SchemeKinds.Attribute, d.Attribute), (SchemeKinds.Combine, d.Combine),
            (SchemeKinds.KMeans, d.KMeans),
        ];
        foreach (var (key, value) in settings)
        {
            if (value is null || key == d.Kind) continue;
            if (key == SchemeKinds.KMeans)   // top-level keys (features, k …), reported at features
                problems.Add("features", $"settings of kind kmeans (features, k, k_range, transform, seed) in a scheme of kind {d.Kind}: remove them or change the kind");
            else
                problems.Add(key, $"settings of kind {key} in a scheme of kind {d.Kind}: remove them or change the kind");
        }
        if (d.Default is not null && d.Kind is SchemeKinds.Bins or SchemeKinds.Matrix or SchemeKinds.Grading or SchemeKinds.Lifecycle or SchemeKinds.KMeans)
            problems.Add("default", $"kind {d.Kind} assigns every customer a segment by itself and takes no default");
    }
}
