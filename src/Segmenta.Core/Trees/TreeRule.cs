namespace Segmenta.Core.Trees;

/// <summary>One leaf of a tree as a rule: the conditions on the way to it and what it predicts.</summary>
/// <param name="Leaf">Index of the leaf node.</param>
/// <param name="Conditions">One merged condition per feature used on the path, in order of first use.</param>
/// <param name="Class">Predicted class index.</param>
/// <param name="Size">Training rows in the leaf.</param>
/// <param name="Purity">Share of the leaf's rows in the predicted class.</param>
public sealed record TreeRule(int Leaf, IReadOnlyList<TreeCondition> Conditions, int Class, long Size, double Purity);
