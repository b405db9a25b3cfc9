namespace Segmenta.Core.Synthetic.Internal;

/// <summary>
/// Random-stream layout. Customers are simulated in blocks of <see cref="CustomersPerBlock"/>; block b draws from
/// stream b of the seed, so the output does not depend on how many threads simulate the blocks. Changing either
/// constant changes every generated file.
/// </summary>
internal static class SimulationStreams
{
    /// <summary>Customers per block (one random stream each).</summary>
    public const int CustomersPerBlock = 16_384;

    /// <summary>Stream of the product popularity permutation (far from the block streams).</summary>
    public const ulong ProductPermutation = 0xFFFF_FFFF_0000_0007UL;

    /// <summary>Campaign draws of customer i use stream CampaignStreamBase + i (disjoint from the block streams 0, 1, …).</summary>
    public const ulong CampaignStreamBase = 0xCA00_0000_0000_0000UL;

    /// <summary>
    /// First stream of the product-taste draws (one stream per block, <c>ProductTaste + block</c>), used only when
    /// <see cref="SyntheticOptions.ProductAffinity"/> &gt; 0, so that it leaves every other draw unchanged.
    /// </summary>
    public const ulong ProductTaste = 0xFFFF_FFFE_0000_0000UL;

    /// <summary>Seed of the pilot simulation that estimates rows per customer when the closed form does not apply.</summary>
    public const long PilotSeed = 12_345;

    /// <summary>Customers in the pilot simulation.</summary>
    public const int PilotCustomers = 400_000;
}
