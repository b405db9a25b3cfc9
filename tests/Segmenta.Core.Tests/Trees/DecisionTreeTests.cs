using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Expressions;
using Segmenta.Core.Schemes.Rules;
using Segmenta.Core.Trees;

namespace Segmenta.Core.Tests.Trees;

public class DecisionTreeTests
{
    private static readonly string[] Features = ["recency_days", "orders", "monetary_total", "tenure_days"];

    /// <summary>Customers with random features, labelled by an ordered rules scheme of axis-aligned thresholds (first match wins).</summary>
    private static (double[][] Columns, string[] Labels) RulesScheme(int n, int seed)
    {
        var rules = new (string Segment, Expr When)[]
        {
            ("champions", RuleParser.Parse("recency_days <= 45 and orders >= 6")),
            ("lapsed", RuleParser.Parse("recency_days > 365")),
            ("big_spenders", RuleParser.Parse("monetary_total >= 1000")),
        };
        var rng = new Random(seed);
        var columns = Features.Select(_ => new double[n]).ToArray();
        var labels = new string[n];
        for (var i = 0; i < n; i++)
        {
            columns[0][i] = rng.Next(0, 730);
            columns[1][i] = 1 + rng.Next(0, 20);
            columns[2][i] = Math.Round(Math.Exp(4 + (4 * rng.NextDouble())), 2);
            columns[3][i] = columns[0][i] + rng.Next(0, 700);
            var row = Features.Select((f, j) => (f, (object?)(decimal)columns[j][i])).ToDictionary(p => p.f, p => p.Item2, StringComparer.Ordinal);
            labels[i] = rules.FirstOrDefault(r => ExprEvaluator.EvaluateCondition(r.When, name => row[name]) == true).Segment ?? "others";
        }
        return (columns, labels);
    }

    [Fact]
    public void Fit_AxisAlignedRulesScheme_RecoveredWithFidelityAtLeast099()
    {
        // Acceptance (issue 5): a rule-based scheme whose rules are axis-aligned thresholds is recovered with fidelity ≥ 0.99.
        // The scheme needs depth 4 (recency > 365; recency ≤ 45; orders ≥ 6; monetary ≥ 1000), so that is the depth asked for.
        var (columns, labels) = RulesScheme(20_000, seed: 4);

        var tree = DecisionTree.Fit(Features, columns, labels, new DecisionTreeOptions { MaxDepth = 4, MinLeafSize = 20 });
        var rules = TreeRules.Extract(tree);
        var text = rules.Select(r => TreeRules.Format(tree, r, c => new LocalizedText(tree.Classes[c], tree.Classes[c]), "en")).ToList();

        Assert.True(tree.Fidelity >= 0.99, $"fidelity {tree.Fidelity:F4}");
        // The thresholds of the rules come back exactly (integer features split between observed values).
        Assert.All(text.Where(t => t.Contains("→ champions:", StringComparison.Ordinal)), t =>
        {
            Assert.StartsWith("recency_days ≤ 45 and ", t, StringComparison.Ordinal);
            Assert.Contains("orders ≥ 6", t, StringComparison.Ordinal);
        });
        Assert.Contains(text, t => t.StartsWith("recency_days ≥ 366 → lapsed: ", StringComparison.Ordinal));
        // Fidelity equals the share of rows whose leaf predicts their own label.
        var hits = Enumerable.Range(0, labels.Length).Count(i => tree.Classes[tree.Predict([.. columns.Select(c => c[i])])] == labels[i]);
        Assert.Equal((double)hits / labels.Length, tree.Fidelity, 12);
    }

    [Fact]
    public void Format_BothLanguages_ReadAsDocumented()
    {
        // recency_days ≤ 45 and orders ≥ 6 → champions; everything else → others.
        var n = 400;
        var recency = Enumerable.Range(0, n).Select(i => (double)(i % 100)).ToArray();
        var orders = Enumerable.Range(0, n).Select(i => (double)(1 + (i / 40))).ToArray();
        var labels = Enumerable.Range(0, n).Select(i => recency[i] <= 45 && orders[i] >= 6 ? "champions" : "others").ToArray();
        var tree = DecisionTree.Fit(["recency_days", "orders"], [recency, orders], labels, new DecisionTreeOptions { MaxDepth = 2, MinLeafSize = 1 });
        var champions = TreeRules.Extract(tree).Single(r => tree.Classes[r.Class] == "champions");
        LocalizedText Label(int c) => tree.Classes[c] == "champions" ? new("冠军客户", "Champions") : new("其他", "Others");

        Assert.Equal(1.0, tree.Fidelity);
        Assert.Equal("recency_days ≤ 45 and orders ≥ 6 → Champions: 92 customers, 100% pure", TreeRules.Format(tree, champions, Label, "en"));
        Assert.Equal("最近购买天数 ≤ 45 且 订单数 ≥ 6 → 冠军客户：92 位，纯度 100%", TreeRules.Format(tree, champions, Label, "zh-CN"));
    }

    [Fact]
    public void Fit_MinLeafAndDepth_Respected()
    {
        var (columns, labels) = RulesScheme(3000, seed: 9);

        var tree = DecisionTree.Fit(Features, columns, labels, new DecisionTreeOptions { MaxDepth = 2, MinLeafSize = 400 });

        Assert.All(tree.Nodes.Where(n => n.IsLeaf), n => Assert.True(n.Size >= 400));
        Assert.All(tree.Nodes, n => Assert.True(n.Depth <= 2));
        Assert.Equal(3000, TreeRules.Extract(tree).Sum(r => r.Size));
    }

    [Fact]
    public void Fit_SameTreeForAnyThreadCount()
    {
        var (columns, labels) = RulesScheme(5000, seed: 5);
        var one = DecisionTree.Fit(Features, columns, labels, new DecisionTreeOptions { MaxDepth = 4, MaxDegreeOfParallelism = 1, MinLeafSize = 5 });
        var two = DecisionTree.Fit(Features, columns, labels, new DecisionTreeOptions { MaxDepth = 4, MaxDegreeOfParallelism = 3, MinLeafSize = 5 });
        Assert.Equal(one.Nodes.Select(n => (n.Feature, n.Threshold, n.Left)), two.Nodes.Select(n => (n.Feature, n.Threshold, n.Left)));
    }

    [Fact]
    public void Fit_MissingValuesGoLeftAndAreNamedInRules()
    {
        // gap missing (single purchase) or short → "regular"; long gap → "drifting".
        var gap = Enumerable.Range(0, 300).Select(i => i % 7 == 0 ? double.NaN : i % 60).ToArray();
        var labels = gap.Select(g => double.IsNaN(g) || g <= 20 ? "regular" : "drifting").ToArray();

        var tree = DecisionTree.Fit(["mean_gap_days"], [gap], labels, new DecisionTreeOptions { MaxDepth = 1, MinLeafSize = 1 });
        var text = TreeRules.Extract(tree).Select(r => TreeRules.Format(tree, r, c => new LocalizedText(tree.Classes[c], tree.Classes[c]), "en")).ToList();

        Assert.Equal(1.0, tree.Fidelity);
        Assert.StartsWith("(mean_gap_days ≤ 20 or missing) → regular", text[0], StringComparison.Ordinal);
        Assert.StartsWith("mean_gap_days ≥ 21 → drifting", text[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_ManyDistinctValues_HistogramBinsStillNearExact()
    {
        var rng = new Random(8);
        var x = Enumerable.Range(0, 50_000).Select(_ => rng.NextDouble() * 1000).ToArray();
        var labels = x.Select(v => v <= 333.3 ? "low" : "high").ToArray();

        var tree = DecisionTree.Fit(["x"], [x], labels, new DecisionTreeOptions { MaxDepth = 1, MinLeafSize = 1, MaxBins = 256 });

        Assert.True(tree.Fidelity > 0.995, $"fidelity {tree.Fidelity}");
        Assert.InRange(tree.Nodes[0].Threshold, 328, 338);
    }
}
