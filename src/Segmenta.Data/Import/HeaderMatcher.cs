using Segmenta.Core;

namespace Segmenta.Data.Import;

/// <summary>Maps a file's headers onto roles: explicit <c>--map</c> first, then synonyms, then last resorts.</summary>
internal static class HeaderMatcher
{
    public static ColumnPlan Match(IReadOnlyList<string> headers, ImportKind kind, IReadOnlyDictionary<string, string> columnMap, string source)
    {
        var normalized = headers.Select(HeaderText.Normalize).ToArray();
        var used = new bool[headers.Count];
        var byRole = new Dictionary<ColumnRole, MappedColumn>();
        var roles = ColumnRoles.For(kind);

        foreach (var (roleName, header) in columnMap)
        {
            var any = ColumnRoles.Find(roleName) ?? throw new SegmentaInputException(
                $"{source}: unknown role \"{roleName}\" in the column map. Known roles: {ColumnRoles.Names}.");
            var role = ColumnRoles.Find(roleName, kind) ?? throw new SegmentaInputException(
                $"{source}: role \"{any.Name}\" does not apply to a {kind.ToString().ToLowerInvariant()} file. Roles: {string.Join(", ", roles.Select(r => r.Name))}.");

            var index = Single(normalized, HeaderText.Normalize(header), role, used, source, headers);
            if (index < 0)
            {
                throw new SegmentaInputException(
                    $"{source}: --map {role.Name}={header} names no column of the file. Headers found: {List(headers)}.");
            }

            byRole[role] = new MappedColumn(role, index, headers[index]);
            used[index] = true;
        }

        foreach (var role in roles.Where(r => !byRole.ContainsKey(r)))
        {
            foreach (var synonym in role.Synonyms.Concat(role.LastResort))
            {
                var index = Single(normalized, synonym, role, used, source, headers);
                if (index >= 0)
                {
                    byRole[role] = new MappedColumn(role, index, headers[index]);
                    used[index] = true;
                    break;
                }
            }
        }

        var missing = ColumnRoles.Required(kind).Where(r => !byRole.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw MissingRoles(missing, headers, normalized, kind, source);
        }

        var mapped = roles.Where(byRole.ContainsKey).Select(r => byRole[r]).ToList();
        var extras = new List<ExtraColumn>();
        var ignored = new List<string>();
        var taken = new HashSet<string>(roles.Select(r => r.Column), StringComparer.Ordinal) { "src_row" };
        taken.UnionWith(Enumerable.Range(0, headers.Count).Select(Db.Col));
        for (var i = 0; i < headers.Count; i++)
        {
            if (used[i])
            {
                continue;
            }

            if (kind != ImportKind.Customers)
            {
                ignored.Add(headers[i]);
                continue;
            }

            var name = HeaderText.ToColumnName(headers[i], i);
            var unique = name;
            for (var n = 2; !taken.Add(unique); n++)
            {
                unique = name + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            extras.Add(new ExtraColumn(i, headers[i], unique));
        }

        return new ColumnPlan(mapped, extras, ignored);
    }

    /// <summary>The one unused header equal to <paramref name="wanted"/>, -1 if none; throws if several.</summary>
    private static int Single(string[] normalized, string wanted, ColumnRole role, bool[] used, string source, IReadOnlyList<string> headers)
    {
        var found = -1;
        for (var i = 0; i < normalized.Length; i++)
        {
            if (used[i] || normalized[i] != wanted)
            {
                continue;
            }

            if (found >= 0)
            {
                throw new SegmentaInputException(
                    $"{source}: columns {found + 1} and {i + 1} have the same header \"{headers[i]}\", which would be the {role.Name} column; " +
                    "rename one of them in the file so it is clear which to use.");
            }

            found = i;
        }

        return found;
    }

    private static SegmentaInputException MissingRoles(
        List<ColumnRole> missing, IReadOnlyList<string> headers, string[] normalized, ImportKind kind, string source)
    {
        var parts = missing.Select(role =>
        {
            var close = Enumerable.Range(0, headers.Count)
                .Select(i => (Header: headers[i], Distance: role.Synonyms.Concat(role.LastResort).Min(s => Closeness(normalized[i], s))))
                .Where(c => c.Distance != int.MaxValue && c.Header.Trim().Length > 0)
                .OrderBy(c => c.Distance)
                .Take(3)
                .Select(c => "\"" + c.Header + "\"")
                .ToList();
            var hint = close.Count > 0 ? $" (closest: {string.Join(", ", close)})" : "";
            return $"{role.Name}{hint}";
        });
        var example = string.Join(",", missing.Select(r => r.Name + "=<header>"));
        return new SegmentaInputException(
            $"{source}: no column found for required role(s) {string.Join("; ", parts)} of a {kind.ToString().ToLowerInvariant()} file. " +
            $"Headers found: {List(headers)}. Name the columns with --map {example}.");
    }

    /// <summary>How close a header is to a synonym (lower is closer), int.MaxValue when not close at all.</summary>
    private static int Closeness(string header, string synonym)
    {
        if (header.Length > 1 && (header.Contains(synonym, StringComparison.Ordinal) || synonym.Contains(header, StringComparison.Ordinal)))
        {
            return 1;
        }

        var best = int.MaxValue;
        foreach (var candidate in header.Split('_').Append(header))
        {
            var distance = HeaderText.EditDistance(candidate, synonym);
            if (distance * 3 <= Math.Max(synonym.Length, 3))
            {
                best = Math.Min(best, distance);
            }
        }

        return best;
    }

    private static string List(IReadOnlyList<string> headers) =>
        headers.Count == 0 ? "(none)" : string.Join(", ", headers.Select(h => "\"" + h + "\""));
}
