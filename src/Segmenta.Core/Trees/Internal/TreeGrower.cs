namespace Segmenta.Core.Trees.Internal;

/// <summary>Grows the tree depth first over a row index array that is partitioned in place at each split.</summary>
internal sealed class TreeGrower(BinnedColumn[] columns, int[] y, int classes, DecisionTreeOptions options)
{
    private readonly List<TreeNode> _nodes = [];
    private readonly int[] _rows = [.. Enumerable.Range(0, y.Length)];

    public List<TreeNode> Grow()
    {
        Build(0, _rows.Length, 0);
        return _nodes;
    }

    private int Build(int start, int end, int depth)
    {
        var counts = new long[classes];
        for (var i = start; i < end; i++) counts[y[_rows[i]]]++;
        var predicted = ArgMax(counts);
        var at = _nodes.Count;
        _nodes.Add(new TreeNode(depth, -1, double.NaN, -1, -1, counts, predicted));
        var size = end - start;
        if (depth >= options.MaxDepth || size < 2 * options.MinLeafSize || counts[predicted] == size) return at;
        var split = BestSplit(start, end, counts);
        if (split is not { } s) return at;
        var codes = columns[s.Feature].Codes;
        // In-place partition: rows with code ≤ bin first (order inside each side does not matter to the result).
        var lo = start;
        var hi = end - 1;
        while (lo <= hi)
        {
            if (codes[_rows[lo]] <= s.Bin) lo++;
            else
            {
                (_rows[lo], _rows[hi]) = (_rows[hi], _rows[lo]);
                hi--;
            }
        }
        var left = Build(start, lo, depth + 1);
        var right = Build(lo, end, depth + 1);
        // The threshold is the largest value on the left; on an integer feature whose bins are exact values it is the
        // midpoint to the smallest value on the right (as in CART), so "orders ≤ 5 | orders ≥ 6" reads as the data splits.
        var column = columns[s.Feature];
        var threshold = column.Edges[s.Bin - 1];
        if (column.Integral && column.Exact && s.Next > s.Bin) threshold = (threshold + column.Edges[s.Next - 1]) / 2;
        _nodes[at] = _nodes[at] with { Feature = s.Feature, Threshold = threshold, Left = left, Right = right };
        return at;
    }

    private (int Feature, int Bin, int Next, double Score)? BestSplit(int start, int end, long[] parent)
    {
        var results = new (int Bin, int Next, double Score)?[columns.Length];
        Parallel.For(0, columns.Length, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
            f => results[f] = BestSplit(columns[f], start, end));
        double parentScore = 0;
        long n = end - start;
        foreach (var c in parent) parentScore += (double)c * c / n;
        (int Feature, int Bin, int Next, double Score)? best = null;
        for (var f = 0; f < columns.Length; f++)
        {
            if (results[f] is not { } r) continue;
            if (r.Score <= parentScore + (1e-9 * n)) continue;
            if (best is null || r.Score > best.Value.Score) best = (f, r.Bin, r.Next, r.Score);
        }
        return best;
    }

    /// <summary>
    /// Best threshold of one feature: maximises Σ_children Σⱼ nⱼ² / n_child (equivalent to the largest decrease of
    /// n × Gini impurity).
    /// </summary>
    private (int Bin, int Next, double Score)? BestSplit(BinnedColumn column, int start, int end)
    {
        var bins = column.Bins;
        var hist = new long[bins * classes];
        var codes = column.Codes;
        for (var i = start; i < end; i++)
        {
            var r = _rows[i];
            hist[(codes[r] * classes) + y[r]]++;
        }
        var total = new long[classes];
        for (var b = 0; b < bins; b++)
        {
            for (var c = 0; c < classes; c++) total[c] += hist[(b * classes) + c];
        }
        long n = end - start;
        var left = new long[classes];
        long nLeft = 0;
        (int Bin, double Score)? best = null;
        // A split after bin b (b ≥ 1) sends bins 0..b left; bin 0 (missing) never splits alone. Ties keep the
        // earlier bin, so the threshold is the largest value actually present on the left.
        for (var b = 0; b < bins - 1; b++)
        {
            for (var c = 0; c < classes; c++)
            {
                var h = hist[(b * classes) + c];
                left[c] += h;
                nLeft += h;
            }
            if (b == 0) continue;
            var nRight = n - nLeft;
            if (nLeft < options.MinLeafSize) continue;
            if (nRight < options.MinLeafSize) break;
            double score = 0;
            for (var c = 0; c < classes; c++)
            {
                var l = left[c];
                var rr = total[c] - l;
                score += ((double)l * l / nLeft) + ((double)rr * rr / nRight);
            }
            if (best is null || score > best.Value.Score) best = (b, score);
        }
        if (best is not { } found) return null;
        // The first bin after the split that holds a row of this node: its value is the smallest on the right.
        var next = found.Bin + 1;
        while (next < bins - 1 && Empty(hist, next)) next++;
        return (found.Bin, next, found.Score);
    }

    private bool Empty(long[] hist, int bin)
    {
        for (var c = 0; c < classes; c++)
        {
            if (hist[(bin * classes) + c] != 0) return false;
        }
        return true;
    }

    private static int ArgMax(long[] counts)
    {
        var best = 0;
        for (var c = 1; c < counts.Length; c++)
        {
            if (counts[c] > counts[best]) best = c;
        }
        return best;
    }
}
