namespace Segmenta.Core.Clustering;

/// <summary>Agreement of two partitions of the same items, corrected for chance.</summary>
public static class AdjustedRandIndex
{
    /// <summary>
    /// ARI = (Σᵢⱼ C(nᵢⱼ, 2) − E) / (½[Σᵢ C(aᵢ, 2) + Σⱼ C(bⱼ, 2)] − E), E = Σᵢ C(aᵢ, 2) Σⱼ C(bⱼ, 2) / C(n, 2), over the
    /// contingency table nᵢⱼ with row sums aᵢ and column sums bⱼ. Hubert &amp; Arabie (1985), "Comparing partitions",
    /// Journal of Classification 2, p. 198, eq. (5).
    /// </summary>
    /// <returns>1 for identical partitions (up to renaming), about 0 for random ones; 1 when both put every item in one group.</returns>
    /// <exception cref="ArgumentException">The label lists differ in length.</exception>
    public static double Compute<TA, TB>(IReadOnlyList<TA> a, IReadOnlyList<TB> b)
        where TA : notnull
        where TB : notnull
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count) throw new ArgumentException("Both partitions must label the same items.", nameof(b));
        if (a.Count < 2) return 1.0;
        var cells = new Dictionary<(int, int), long>();
        var rowIds = new Dictionary<TA, int>();
        var colIds = new Dictionary<TB, int>();
        for (var i = 0; i < a.Count; i++)
        {
            if (!rowIds.TryGetValue(a[i], out var r)) rowIds[a[i]] = r = rowIds.Count;
            if (!colIds.TryGetValue(b[i], out var c)) colIds[b[i]] = c = colIds.Count;
            cells[(r, c)] = cells.GetValueOrDefault((r, c)) + 1;
        }
        var rows = new long[rowIds.Count];
        var cols = new long[colIds.Count];
        double index = 0;
        foreach (var ((r, c), count) in cells)
        {
            rows[r] += count;
            cols[c] += count;
            index += Pairs(count);
        }
        var sumRows = rows.Sum(Pairs);
        var sumCols = cols.Sum(Pairs);
        var expected = sumRows * sumCols / Pairs(a.Count);
        var max = (sumRows + sumCols) / 2;
        return max - expected == 0 ? 1.0 : (index - expected) / (max - expected);
    }

    private static double Pairs(long n) => n * (n - 1) / 2.0;
}
