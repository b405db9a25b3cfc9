using Segmenta.Core.Schemes;
using Segmenta.Core.Trees;

namespace Segmenta.Data.Analysis;

/// <summary>A segmentation explained as tree rules.</summary>
/// <param name="Scheme">The scheme asked for.</param>
/// <param name="SegmentColumn">The segment column explained.</param>
/// <param name="Tree">The fitted tree (classes = segment keys).</param>
/// <param name="Rules">One rule per leaf, left to right.</param>
/// <param name="ClassLabels">Display name of each class index, in both languages.</param>
/// <param name="Seconds">Wall seconds per step (read, fit).</param>
public sealed record ExplainResult(
    string Scheme,
    string SegmentColumn,
    DecisionTreeModel Tree,
    IReadOnlyList<TreeRule> Rules,
    IReadOnlyList<LocalizedText> ClassLabels,
    IReadOnlyDictionary<string, double> Seconds)
{
    /// <summary>Share of customers whose leaf's segment equals their own.</summary>
    public double Fidelity => Tree.Fidelity;

    /// <summary>A rule as text in <paramref name="language"/>.</summary>
    public string Text(TreeRule rule, string language) => TreeRules.Format(Tree, rule, c => ClassLabels[c], language);
}
