using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Segmenta.Core.Propensity;

namespace Segmenta.Data.Learning;

/// <summary>
/// Gradient-boosted regression trees through ML.NET FastTree (MART: Friedman 2001, "Greedy Function Approximation:
/// A Gradient Boosting Machine", Annals of Statistics 29(5); ML.NET's FastTree follows Burges's MART/LambdaMART
/// implementation). Churn: FastTree binary classification (logistic loss), probabilities from its Platt
/// calibrator. Spend: FastTree regression on the spend itself (squared loss fits the
/// conditional mean directly, so no retransformation), floored at 0. Single-threaded and seeded, so a run is reproducible.
/// </summary>
public sealed class FastTreeLearner : IPropensityLearner
{
    /// <summary>The learner's name.</summary>
    public const string LearnerName = "fasttree";

    /// <summary>Default number of trees.</summary>
    public const int DefaultTrees = 100;

    /// <summary>Default leaves per tree.</summary>
    public const int DefaultLeaves = 8;

    /// <summary>Default minimum training rows per leaf.</summary>
    public const int DefaultMinLeaf = 50;

    /// <summary>Default learning rate (shrinkage).</summary>
    public const double DefaultLearningRate = 0.05;

    /// <inheritdoc />
    public string Name => LearnerName;

    /// <summary>Number of trees.</summary>
    public int Trees { get; init; } = DefaultTrees;

    /// <summary>Leaves per tree.</summary>
    public int Leaves { get; init; } = DefaultLeaves;

    /// <summary>Minimum training rows per leaf.</summary>
    public int MinLeaf { get; init; } = DefaultMinLeaf;

    /// <summary>Learning rate.</summary>
    public double LearningRate { get; init; } = DefaultLearningRate;

    /// <inheritdoc />
    public IPropensityScorer TrainChurn(FeatureMatrix features, IReadOnlyList<bool> churned, int seed)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(churned);
        var ml = new MLContext(seed);
        var data = Load(ml, features, i => new BinaryRow { Label = churned[i] });
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = Trees,
            NumberOfLeaves = Leaves,
            MinimumExampleCountPerLeaf = MinLeaf,
            LearningRate = LearningRate,
            NumberOfThreads = 1,
            Seed = seed,
        });
        return new Scorer(ml, trainer.Fit(data), "Probability", Retransform: null);
    }

    /// <inheritdoc />
    public IPropensityScorer TrainSpend(FeatureMatrix features, IReadOnlyList<double> spend, int seed)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(spend);
        var ml = new MLContext(seed);
        var data = Load(ml, features, i => new RegressionRow { Label = (float)Math.Max(0, spend[i]) });
        var trainer = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            NumberOfTrees = Trees,
            NumberOfLeaves = Leaves,
            MinimumExampleCountPerLeaf = MinLeaf,
            LearningRate = LearningRate,
            NumberOfThreads = 1,
            Seed = seed,
        });
        return new Scorer(ml, trainer.Fit(data), "Score", u => Math.Max(0, u));
    }

    private static IDataView Load<T>(MLContext ml, FeatureMatrix features, Func<int, T> label)
        where T : class, IFeatureRow
    {
        var values = features.ToSingle();
        var k = features.Columns;
        var rows = new T[features.Rows];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = label(i);
            rows[i].Features = values.AsSpan(i * k, k).ToArray();
        }
        var schema = SchemaDefinition.Create(typeof(T));
        schema[nameof(IFeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, k);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    private static double[] Read(IDataView scored, string column) =>
        [.. scored.GetColumn<float>(column).Select(v => (double)v)];

    private sealed record Scorer(MLContext Ml, ITransformer Model, string Column, Func<double, double>? Retransform) : IPropensityScorer
    {
        public double[] Score(FeatureMatrix features)
        {
            var data = Load(Ml, features, _ => new RegressionRow());
            var values = Read(Model.Transform(data), Column);
            if (Retransform is not null)
            {
                for (var i = 0; i < values.Length; i++) values[i] = Retransform(values[i]);
            }
            return values;
        }
    }

    private interface IFeatureRow
    {
        float[] Features { get; set; }
    }

    private sealed class BinaryRow : IFeatureRow
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    private sealed class RegressionRow : IFeatureRow
    {
        public float Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
