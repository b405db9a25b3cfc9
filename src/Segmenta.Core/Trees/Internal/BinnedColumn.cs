namespace Segmenta.Core.Trees.Internal;

/// <summary>
/// One feature cut into value bins once, before the tree is grown (histogram split search, as in LightGBM: Ke et
/// al. 2017). Bin 0 holds missing values; bin b ≥ 1 holds values in (Edges[b − 2], Edges[b − 1]]. With at most
/// MaxBins distinct values in the edge sample every distinct value is its own bin, so splits are exact.
/// </summary>
internal sealed class BinnedColumn
{
    private BinnedColumn(ushort[] codes, double[] edges, bool hasMissing, bool integral, bool exact)
    {
        Exact = exact;
        Codes = codes;
        Edges = edges;
        HasMissing = hasMissing;
        Integral = integral;
    }

    public ushort[] Codes { get; }

    /// <summary>Upper edge of bin b + 1 (the largest value in the edge sample that falls in it).</summary>
    public double[] Edges { get; }

    public int Bins => Edges.Length + 1;

    public bool HasMissing { get; }

    public bool Integral { get; }

    /// <summary>Whether every bin holds exactly one distinct value (all rows sampled and at most MaxBins distinct values).</summary>
    public bool Exact { get; }

    public static BinnedColumn Build(double[] values, int maxBins, int sampleSize)
    {
        var n = values.Length;
        var step = Math.Max(1, (n + sampleSize - 1) / sampleSize);
        var sample = new List<double>((n / step) + 1);
        for (var i = 0; i < n; i += step)
        {
            if (!double.IsNaN(values[i])) sample.Add(values[i]);
        }
        sample.Sort();
        var distinct = new List<double>();
        foreach (var v in sample)
        {
            if (distinct.Count == 0 || v != distinct[^1]) distinct.Add(v);
        }
        double[] edges;
        if (distinct.Count <= maxBins)
        {
            edges = [.. distinct];
        }
        else
        {
            var list = new List<double>(maxBins);
            for (var b = 1; b <= maxBins; b++)
            {
                var v = sample[Math.Min(sample.Count - 1, (int)((long)b * sample.Count / maxBins) - 1)];
                if (list.Count == 0 || v > list[^1]) list.Add(v);
            }
            edges = [.. list];
        }
        if (edges.Length == 0) edges = [0];
        var codes = new ushort[n];
        var hasMissing = false;
        var integral = true;
        for (var i = 0; i < n; i++)
        {
            var v = values[i];
            if (double.IsNaN(v))
            {
                hasMissing = true;
                continue;
            }
            if (integral && v != Math.Floor(v)) integral = false;
            var at = Array.BinarySearch(edges, v);
            if (at < 0) at = Math.Min(~at, edges.Length - 1);
            codes[i] = (ushort)(at + 1);
        }
        return new BinnedColumn(codes, edges, hasMissing, integral, step == 1 && distinct.Count <= maxBins);
    }
}
