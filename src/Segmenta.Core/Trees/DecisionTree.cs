using Segmenta.Core.Trees.Internal;

namespace Segmenta.Core.Trees;

/// <summary>
/// A shallow classification tree (CART: Breiman, Friedman, Olshen &amp; Stone 1984, "Classification and Regression
/// Trees", ch. 4) that predicts a segment from readable numeric features, to explain any segmentation as rules.
/// </summary>
/// <remarks>
/// <para>Impurity: Gini, i(t) = 1 − Σⱼ p(j|t)² (Breiman et al. 1984, section 4.3). A node is split on the feature and
/// threshold that most reduce n·i, i.e. maximise Σ over children of Σⱼ nⱼ² / n_child, subject to both children having
/// at least <see cref="DecisionTreeOptions.MinLeafSize"/> rows. Growth stops at <see cref="DecisionTreeOptions.MaxDepth"/>,
/// at a pure node, or when no split lowers the impurity. No pruning: the depth limit keeps the rules readable.</para>
/// <para>Split search is histogram based: each feature is cut into at most MaxBins value bins once (exact when it
/// has fewer distinct values), and each node adds its rows to a bins × classes table per feature, so a level of the
/// tree costs O(n · features). Missing values always go to the left (≤) child. Features are searched in parallel;
/// the tree does not depend on the number of threads (ties: the lower feature, then the lower threshold).</para>
/// </remarks>
public static class DecisionTree
{
    /// <summary>Fits a tree predicting <paramref name="labels"/> (class names; classes are ordered by name) from the feature columns.</summary>
    /// <param name="features">Feature names.</param>
    /// <param name="columns">One array per feature, one value per row (NaN = missing).</param>
    /// <param name="labels">The class (segment) of each row.</param>
    /// <param name="options">Depth, minimum leaf size, bins.</param>
    public static DecisionTreeModel Fit(
        IReadOnlyList<string> features, IReadOnlyList<double[]> columns, IReadOnlyList<string> labels, DecisionTreeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var classes = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var y = new int[labels.Count];
        for (var i = 0; i < y.Length; i++) y[i] = index[labels[i]];
        return Fit(features, columns, y, classes, options);
    }

    /// <summary>Fits a tree predicting class indices <paramref name="y"/> (0 .. classes − 1).</summary>
    /// <exception cref="ArgumentException">Mismatched lengths, no rows, or invalid options.</exception>
    public static DecisionTreeModel Fit(
        IReadOnlyList<string> features, IReadOnlyList<double[]> columns, int[] y, IReadOnlyList<string> classes, DecisionTreeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(classes);
        options ??= DecisionTreeOptions.Default;
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(options));
        if (features.Count != columns.Count || features.Count == 0) throw new ArgumentException("Give one name per feature column, and at least one.", nameof(columns));
        if (columns.Any(c => c.Length != y.Length)) throw new ArgumentException("Every feature column needs one value per label.", nameof(columns));
        if (y.Length == 0) throw new ArgumentException("A tree needs at least one row.", nameof(y));
        if (y.Any(c => c < 0 || c >= classes.Count)) throw new ArgumentException("A class index is out of range.", nameof(y));

        var binned = new BinnedColumn[columns.Count];
        Parallel.For(0, columns.Count, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
            f => binned[f] = BinnedColumn.Build(columns[f], options.MaxBins, options.BinSampleSize));
        var grower = new TreeGrower(binned, y, classes.Count, options);
        var nodes = grower.Grow();
        return new DecisionTreeModel(features, classes, nodes, [.. binned.Select(b => b.Integral)], [.. binned.Select(b => b.HasMissing)]);
    }
}
