namespace Segmenta.Core.Trees;

/// <summary>One node of a fitted tree. A split node sends rows with value ≤ <see cref="Threshold"/> (and missing values) left.</summary>
/// <param name="Depth">Depth (root = 0).</param>
/// <param name="Feature">Index of the split feature; −1 for a leaf.</param>
/// <param name="Threshold">Split value: left when x ≤ Threshold or x is missing.</param>
/// <param name="Left">Index of the left child; −1 for a leaf.</param>
/// <param name="Right">Index of the right child; −1 for a leaf.</param>
/// <param name="ClassCounts">Training rows of each class that reached the node.</param>
/// <param name="Predicted">The majority class (ties: the lower class index).</param>
public sealed record TreeNode(int Depth, int Feature, double Threshold, int Left, int Right, IReadOnlyList<long> ClassCounts, int Predicted)
{
    /// <summary>Whether the node is a leaf.</summary>
    public bool IsLeaf => Feature < 0;

    /// <summary>Training rows that reached the node.</summary>
    public long Size => ClassCounts.Sum();

    /// <summary>Share of the node's rows in its majority class.</summary>
    public double Purity => Size == 0 ? 0 : (double)ClassCounts[Predicted] / Size;
}
