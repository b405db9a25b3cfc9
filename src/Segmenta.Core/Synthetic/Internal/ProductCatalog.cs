namespace Segmenta.Core.Synthetic.Internal;

/// <summary>
/// Product popularity: the product of popularity rank k (1-based) has weight k^−s (Zipf), and ranks are
/// assigned to product indices by a seeded random permutation so that P00001 is not always the best seller.
/// </summary>
internal sealed class ProductCatalog
{
    private readonly CumulativeSampler _ranks;
    private readonly int[] _productOfRank;
    private readonly double[] _weights;

    public ProductCatalog(int products, double zipfExponent, long seed)
    {
        var weights = new double[products];
        for (var k = 0; k < products; k++)
        {
            weights[k] = Math.Pow(k + 1, -zipfExponent);
        }

        _weights = weights;
        _ranks = new CumulativeSampler(weights);
        _productOfRank = new int[products];
        for (var i = 0; i < products; i++)
        {
            _productOfRank[i] = i;
        }

        // Fisher-Yates on its own stream, independent of the customer streams.
        var rng = new SyntheticRandom(seed, SimulationStreams.ProductPermutation);
        for (var i = products - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (_productOfRank[i], _productOfRank[j]) = (_productOfRank[j], _productOfRank[i]);
        }
    }

    /// <summary>The popularity weight of each product index (k^−s for the product of rank k).</summary>
    public double[] ProductWeights()
    {
        var byProduct = new double[_weights.Length];
        for (var rank = 0; rank < _weights.Length; rank++) byProduct[_productOfRank[rank]] = _weights[rank];
        return byProduct;
    }

    /// <summary>Draws a zero-based product index.</summary>
    public int Sample(SyntheticRandom rng) => _productOfRank[_ranks.Sample(rng)];
}
