using System.Globalization;
using Segmenta.Core.Customers;
using Segmenta.Core.Schemes;

namespace Segmenta.Core.Trees;

/// <summary>
/// A tree as readable rules, one per leaf, left to right:
/// "recency_days ≤ 45 and orders ≥ 6 → Champions: 1,204 customers, 92% pure" /
/// "最近购买天数 ≤ 45 且 订单数 ≥ 6 → 冠军客户：1,204 位，纯度 92%".
/// </summary>
/// <remarks>
/// Conditions on the same feature along a path merge into one range. On a feature whose values are all integers,
/// "x &gt; 5" reads "x ≥ 6" and "5 &lt; x ≤ 6" reads "x = 6". Purity is rounded down to a whole percent, so 100% means
/// truly pure. Thresholds print with at most two decimals.
/// </remarks>
public static class TreeRules
{
    /// <summary>The rules of every leaf, left to right.</summary>
    public static IReadOnlyList<TreeRule> Extract(DecisionTreeModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var rules = new List<TreeRule>();
        Walk(model, 0, [], rules);
        return rules;
    }

    /// <summary>One rule as a line of text in <paramref name="language"/> (zh-CN or en).</summary>
    /// <param name="model">The tree.</param>
    /// <param name="rule">A rule of it.</param>
    /// <param name="classLabel">The display name of a class index.</param>
    /// <param name="language">zh-CN or en.</param>
    public static string Format(DecisionTreeModel model, TreeRule rule, Func<int, LocalizedText> classLabel, string language)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(classLabel);
        var zh = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var conditions = rule.Conditions.Count == 0
            ? (zh ? "全部客户" : "all customers")
            : string.Join(zh ? " 且 " : " and ", rule.Conditions.Select(c => Condition(model, c, zh)));
        var label = classLabel(rule.Class).For(language);
        var percent = Math.Floor(rule.Purity * 100).ToString("0", CultureInfo.InvariantCulture);
        var size = rule.Size.ToString("N0", CultureInfo.InvariantCulture);
        return zh
            ? $"{conditions} → {label}：{size} 位，纯度 {percent}%"
            : $"{conditions} → {label}: {size} customers, {percent}% pure";
    }

    /// <summary>One condition as text, e.g. <c>recency_days ≤ 45</c> or <c>最近购买天数 ≤ 45</c>.</summary>
    public static string Condition(DecisionTreeModel model, TreeCondition condition, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(condition);
        var label = FeatureLabels.For(model.Features[condition.Feature]);
        var name = chinese ? label.ZhCn : label.En;
        var integral = model.IntegerFeatures[condition.Feature];
        string text;
        // On integer features x ≤ t ⇔ x ≤ ⌊t⌋ and x > t ⇔ x ≥ ⌊t⌋ + 1.
        if (condition.Lower is { } lo && condition.Upper is { } hi)
        {
            text = integral
                ? (Math.Floor(lo) + 1 == Math.Floor(hi) ? $"{name} = {Number(Math.Floor(hi))}" : $"{Number(Math.Floor(lo) + 1)} ≤ {name} ≤ {Number(Math.Floor(hi))}")
                : $"{Number(lo)} < {name} ≤ {Number(hi)}";
        }
        else if (condition.Lower is { } lower)
        {
            text = integral ? $"{name} ≥ {Number(Math.Floor(lower) + 1)}" : $"{name} > {Number(lower)}";
        }
        else
        {
            var upper = condition.Upper!.Value;
            text = $"{name} ≤ {Number(integral ? Math.Floor(upper) : upper)}";
        }
        if (condition.IncludesMissing && model.MissingFeatures[condition.Feature])
            text = chinese ? $"({text} 或为空)" : $"({text} or missing)";
        return text;
    }

    private static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static void Walk(DecisionTreeModel model, int node, List<(int Feature, bool Left, double Threshold)> path, List<TreeRule> rules)
    {
        var n = model.Nodes[node];
        if (n.IsLeaf)
        {
            rules.Add(new TreeRule(node, Merge(path), n.Predicted, n.Size, n.Purity));
            return;
        }
        path.Add((n.Feature, true, n.Threshold));
        Walk(model, n.Left, path, rules);
        path[^1] = (n.Feature, false, n.Threshold);
        Walk(model, n.Right, path, rules);
        path.RemoveAt(path.Count - 1);
    }

    private static List<TreeCondition> Merge(List<(int Feature, bool Left, double Threshold)> path)
    {
        var merged = new List<TreeCondition>();
        foreach (var feature in path.Select(p => p.Feature).Distinct())
        {
            double? lower = null, upper = null;
            var missing = true;
            foreach (var step in path.Where(p => p.Feature == feature))
            {
                if (step.Left) upper = upper is { } u ? Math.Min(u, step.Threshold) : step.Threshold;
                else
                {
                    lower = lower is { } l ? Math.Max(l, step.Threshold) : step.Threshold;
                    missing = false;
                }
            }
            merged.Add(new TreeCondition(feature, lower, upper, missing));
        }
        return merged;
    }
}
