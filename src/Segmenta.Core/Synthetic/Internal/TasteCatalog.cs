namespace Segmenta.Core.Synthetic.Internal;

/// <summary>Per industry, a popularity-weighted sampler over the products of its preferred categories.</summary>
internal sealed class TasteCatalog
{
    private readonly CumulativeSampler[] _samplers;
    private readonly int[][] _products;

    public TasteCatalog(double[] productWeights)
    {
        var industries = SyntheticAttributes.Industries.Count;
        _samplers = new CumulativeSampler[industries];
        _products = new int[industries][];
        for (var g = 0; g < industries; g++)
        {
            var preferred = SyntheticProducts.PreferredCategories(g);
            var products = Enumerable.Range(0, productWeights.Length).Where(p => preferred.Contains(SyntheticProducts.CategoryOf(p))).ToArray();
            if (products.Length == 0) products = [.. Enumerable.Range(0, productWeights.Length)]; // tiny catalogues
            _products[g] = products;
            _samplers[g] = new CumulativeSampler([.. products.Select(p => productWeights[p])]);
        }
    }

    /// <summary>Draws a product index from industry <paramref name="industry"/>'s preferred categories.</summary>
    public int Sample(int industry, SyntheticRandom rng) => _products[industry][_samplers[industry].Sample(rng)];
}
