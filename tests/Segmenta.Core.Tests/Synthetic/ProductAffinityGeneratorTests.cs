using Segmenta.Core.Synthetic;

namespace Segmenta.Core.Tests.Synthetic;

public class ProductAffinityGeneratorTests
{
    private static readonly SyntheticOptions Base = new() { Customers = 3_000, Seed = 11 };

    [Fact]
    public void ProductAffinity_ChangesOnlyProducts_TowardsTheIndustrysCategories()
    {
        var plain = TransactionSimulator.Simulate(Base).ToList();
        var planted = TransactionSimulator.Simulate(Base with { ProductAffinity = 0.7 }).ToList();

        Assert.Equal(plain.Count, planted.Count);
        double plainPreferred = 0, plantedPreferred = 0, purchases = 0;
        for (var i = 0; i < plain.Count; i++)
        {
            Assert.Equal(plain[i].Industry, planted[i].Industry);
            Assert.Equal(plain[i].Purchases.Select(p => (p.Day, p.AmountCents)), planted[i].Purchases.Select(p => (p.Day, p.AmountCents)));
            var preferred = SyntheticProducts.PreferredCategories(plain[i].Industry);
            plainPreferred += plain[i].Purchases.Count(p => preferred.Contains(SyntheticProducts.CategoryOf(p.Product)));
            plantedPreferred += planted[i].Purchases.Count(p => preferred.Contains(SyntheticProducts.CategoryOf(p.Product)));
            purchases += plain[i].Purchases.Count;
        }
        // Without affinity about 2 of 12 categories' worth of purchases fall in the preferred ones (Zipf-weighted:
        // anywhere from ~5 % to ~35 %); with φ = 0.7 at least 70 %.
        Assert.InRange(plainPreferred / purchases, 0.02, 0.4);
        Assert.True(plantedPreferred / purchases >= 0.7, $"{plantedPreferred / purchases}");
    }

    [Fact]
    public void ProductAffinity_OutOfRange_Rejected()
    {
        Assert.Contains((Base with { ProductAffinity = 1.5 }).Validate(), p => p.Contains("--product-affinity", StringComparison.Ordinal));
    }
}
