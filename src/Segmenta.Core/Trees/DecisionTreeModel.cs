namespace Segmenta.Core.Trees;

/// <summary>A fitted classification tree (CART): nodes in depth-first order, the root first.</summary>
/// <param name="Features">Feature names, in the column order the tree was fitted on.</param>
/// <param name="Classes">Class (segment) names; class i is <c>Classes[i]</c>.</param>
/// <param name="Nodes">The nodes; <c>Nodes[0]</c> is the root.</param>
/// <param name="IntegerFeatures">Per feature, whether every value was an integer (rules then read "≥ 6" instead of "&gt; 5").</param>
/// <param name="MissingFeatures">Per feature, whether some value was missing (missing values go left).</param>
public sealed record DecisionTreeModel(
    IReadOnlyList<string> Features,
    IReadOnlyList<string> Classes,
    IReadOnlyList<TreeNode> Nodes,
    IReadOnlyList<bool> IntegerFeatures,
    IReadOnlyList<bool> MissingFeatures)
{
    /// <summary>Training rows.</summary>
    public long Rows => Nodes[0].Size;

    /// <summary>
    /// Share of the training rows whose leaf's majority class equals their own class: how faithfully the rules
    /// reproduce the segmentation.
    /// </summary>
    public double Fidelity => Rows == 0 ? 0 : (double)Nodes.Where(n => n.IsLeaf).Sum(n => n.ClassCounts[n.Predicted]) / Rows;

    /// <summary>The leaf a row falls in (<paramref name="row"/>: one value per feature, NaN = missing).</summary>
    public int Leaf(IReadOnlyList<double> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var node = 0;
        while (!Nodes[node].IsLeaf)
        {
            var n = Nodes[node];
            var v = row[n.Feature];
            node = double.IsNaN(v) || v <= n.Threshold ? n.Left : n.Right;
        }
        return node;
    }

    /// <summary>The predicted class index of a row.</summary>
    public int Predict(IReadOnlyList<double> row) => Nodes[Leaf(row)].Predicted;
}
