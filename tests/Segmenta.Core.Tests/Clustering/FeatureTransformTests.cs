using Segmenta.Core.Clustering;

namespace Segmenta.Core.Tests.Clustering;

public class FeatureTransformTests
{
    [Fact]
    public void Fit_Auto_LogsSkewedNonNegativeFeatureOnly()
    {
        var rng = new Random(2);
        var n = 5000;
        var skewed = Enumerable.Range(0, n).Select(_ => Math.Exp(2 * rng.NextDouble() * rng.NextDouble() * 3)).ToArray();
        var symmetric = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        var negative = Enumerable.Range(0, n).Select(i => i % 100 == 0 ? 500.0 : -rng.NextDouble()).ToArray();
        var matrix = FeatureMatrix.FromColumns(["skewed", "symmetric", "negative"], [skewed, symmetric, negative]);

        var transform = FeatureTransform.Fit(matrix);

        Assert.True(transform.Columns[0].Skewness > 1);
        Assert.True(transform.Columns[0].Log1p);
        Assert.False(transform.Columns[1].Log1p);
        Assert.True(transform.Columns[2].Skewness > 1);
        Assert.False(transform.Columns[2].Log1p); // skewed but below 0: no log
        var z = transform.Apply(matrix);
        for (var j = 0; j < 3; j++)
        {
            var column = z.Column(j);
            Assert.Equal(0, column.Average(), 9);
            Assert.Equal(1, Math.Sqrt(column.Select(v => v * v).Average()), 9);
        }
    }

    [Fact]
    public void Fit_Winsorize_ClampsAtQuantilesAndMissingMapsToMean()
    {
        var values = Enumerable.Range(1, 101).Select(i => (double)i).Append(double.NaN).ToArray();
        var matrix = FeatureMatrix.FromColumns(["x"], [values]);

        var transform = FeatureTransform.Fit(matrix, new FeatureTransformOptions { Log1p = Log1pPolicy.Never, Winsorize = (0.1, 0.9) });
        var c = transform.Columns[0];

        Assert.Equal(11, c.Lower, 12); // type 7: h = 100 · 0.1 = 10 → x[10] = 11
        Assert.Equal(91, c.Upper, 12);
        Assert.Equal(1, c.Missing);
        Assert.Equal(c.Apply(91), c.Apply(1000), 12);
        Assert.Equal(0, c.Apply(double.NaN));
    }

    [Fact]
    public void Fit_LogRequestedForNegativeFeature_IsInputError()
    {
        var matrix = FeatureMatrix.FromColumns(["margin"], [[-5, 1, 2, 3]]);
        var ex = Assert.Throws<SegmentaInputException>(() => FeatureTransform.Fit(matrix, new FeatureTransformOptions { Log1pColumns = ["margin"] }));
        Assert.Contains("margin", ex.Message, StringComparison.Ordinal);
    }
}
