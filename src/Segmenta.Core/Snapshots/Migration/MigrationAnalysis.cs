namespace Segmenta.Core.Snapshots.Migration;

/// <summary>Compares one scheme's assignments in two snapshots: transition matrix, movers, entries and exits, Sankey flows.</summary>
public static class MigrationAnalysis
{
    /// <summary>Compares <paramref name="before"/> with <paramref name="after"/> (customer → segment).</summary>
    /// <param name="scheme">Scheme name, for the result.</param>
    /// <param name="before">Assignments in the earlier snapshot.</param>
    /// <param name="after">Assignments in the later snapshot.</param>
    /// <param name="order">Segment display order (keys not listed follow in ordinal order).</param>
    public static MigrationResult Compare(
        string scheme, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, IReadOnlyList<string>? order = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var segments = new List<string>(order ?? []);
        var seen = new HashSet<string>(segments, StringComparer.Ordinal);
        foreach (var key in before.Values.Concat(after.Values).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (seen.Add(key)) segments.Add(key);
        }
        var index = segments.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);
        var counts = segments.Select(_ => new long[segments.Count]).ToArray();
        var movers = new List<Mover>();
        var onlyBefore = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (customer, from) in before)
        {
            if (!after.TryGetValue(customer, out var to))
            {
                onlyBefore[from] = onlyBefore.GetValueOrDefault(from) + 1;
                continue;
            }
            counts[index[from]][index[to]]++;
            if (from != to) movers.Add(new Mover(customer, from, to));
        }
        var onlyAfter = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (customer, to) in after)
        {
            if (!before.ContainsKey(customer)) onlyAfter[to] = onlyAfter.GetValueOrDefault(to) + 1;
        }
        movers.Sort((a, b) => string.CompareOrdinal(a.CustomerId, b.CustomerId));
        var flows = new List<Flow>();
        for (var i = 0; i < segments.Count; i++)
        {
            for (var j = 0; j < segments.Count; j++)
            {
                if (counts[i][j] > 0) flows.Add(new Flow(segments[i], segments[j], counts[i][j]));
            }
        }
        return new MigrationResult(scheme, new TransitionMatrix(segments, [.. counts.Select(r => (IReadOnlyList<long>)r)]), movers, onlyBefore, onlyAfter, flows);
    }

    /// <summary>
    /// Builds the migration from aggregated cells (segment before, segment after, customers) — what a server engine's
    /// <c>GROUP BY</c> over the two snapshots' assignments returns — instead of per-customer assignments. A null side
    /// means the customer is only in the other snapshot. <paramref name="movers"/> may be the first movers only;
    /// <see cref="MigrationResult.MoversCount"/> is counted from the cells.
    /// </summary>
    /// <param name="scheme">Scheme name, for the result.</param>
    /// <param name="cells">(before, after, customers) cells; the same pair may appear more than once (e.g. one row per shard) and is summed.</param>
    /// <param name="movers">Customers whose segment changed (any subset, e.g. the first 100 by id).</param>
    /// <param name="order">Segment display order (keys not listed follow in ordinal order).</param>
    public static MigrationResult FromCells(
        string scheme, IEnumerable<(string? Before, string? After, long Customers)> cells, IEnumerable<Mover> movers, IReadOnlyList<string>? order = null)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(movers);
        var list = cells.ToList();
        var segments = new List<string>(order ?? []);
        var seen = new HashSet<string>(segments, StringComparer.Ordinal);
        foreach (var key in list.SelectMany(c => new[] { c.Before, c.After }).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (seen.Add(key)) segments.Add(key);
        }
        var index = segments.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);
        var counts = segments.Select(_ => new long[segments.Count]).ToArray();
        var onlyBefore = new Dictionary<string, long>(StringComparer.Ordinal);
        var onlyAfter = new Dictionary<string, long>(StringComparer.Ordinal);
        long moved = 0;
        foreach (var (before, after, n) in list)
        {
            if (before is null && after is null) continue;
            if (after is null) onlyBefore[before!] = onlyBefore.GetValueOrDefault(before!) + n;
            else if (before is null) onlyAfter[after] = onlyAfter.GetValueOrDefault(after) + n;
            else
            {
                counts[index[before]][index[after]] += n;
                if (before != after) moved += n;
            }
        }
        var flows = new List<Flow>();
        for (var i = 0; i < segments.Count; i++)
        {
            for (var j = 0; j < segments.Count; j++)
            {
                if (counts[i][j] > 0) flows.Add(new Flow(segments[i], segments[j], counts[i][j]));
            }
        }
        var sorted = movers.OrderBy(m => m.CustomerId, StringComparer.Ordinal).ToList();
        return new MigrationResult(scheme, new TransitionMatrix(segments, [.. counts.Select(r => (IReadOnlyList<long>)r)]), sorted, onlyBefore, onlyAfter, flows)
        {
            MoversCount = moved,
        };
    }
}
