namespace Segmenta.Core.Synthetic;

/// <summary>A simulated customer: latent (true) values, attributes and purchases.</summary>
public sealed class SyntheticCustomer
{
    internal SyntheticCustomer(
        int index,
        double purchaseRate,
        double dropoutProbability,
        double spendRate,
        double expectedSpend,
        bool isAliveAtAsOf,
        int region,
        int industry,
        int signupDay,
        SyntheticPurchase[] purchases,
        CampaignGroup campaignGroup = CampaignGroup.None,
        int cluster = -1)
    {
        CampaignGroup = campaignGroup;
        Cluster = cluster;
        Index = index;
        PurchaseRate = purchaseRate;
        DropoutProbability = dropoutProbability;
        SpendRate = spendRate;
        ExpectedSpend = expectedSpend;
        IsAliveAtAsOf = isAliveAtAsOf;
        Region = region;
        Industry = industry;
        SignupDay = signupDay;
        Purchases = purchases;
    }

    /// <summary>Zero-based index; the customer id is "C" followed by <c>Index + 1</c> zero-padded.</summary>
    public int Index { get; }

    /// <summary>The planted cluster (0-based index into <see cref="PlantedClusters.Archetypes"/>), or −1 when clusters are not planted.</summary>
    public int Cluster { get; }

    /// <summary>True purchase rate per week (λ).</summary>
    public double PurchaseRate { get; }

    /// <summary>True dropout probability after each repeat purchase (p), clipped to [1e-12, 1].</summary>
    public double DropoutProbability { get; }

    /// <summary>True Gamma-Gamma spend rate (ν); amounts are Gamma(shape p, rate ν).</summary>
    public double SpendRate { get; }

    /// <summary>True mean spend per transaction: p / ν.</summary>
    public double ExpectedSpend { get; }

    /// <summary>Whether the customer had not dropped out by the end of the as-of day.</summary>
    public bool IsAliveAtAsOf { get; }

    /// <summary>Index into <see cref="SyntheticAttributes.Regions"/>.</summary>
    public int Region { get; }

    /// <summary>Index into <see cref="SyntheticAttributes.Industries"/>.</summary>
    public int Industry { get; }

    /// <summary>Signup day, counted from <see cref="SyntheticCalendar.WindowStart"/>; up to 365 days before the first purchase, so it may be negative.</summary>
    public int SignupDay { get; }

    /// <summary>Purchases: the first purchase, then the repeat purchases in time order (never empty).</summary>
    public IReadOnlyList<SyntheticPurchase> Purchases { get; }

    /// <summary>The customer's group in the planted campaign (<see cref="SyntheticOptions.Campaign"/>).</summary>
    public CampaignGroup CampaignGroup { get; }

    /// <summary>Day of the first purchase (0 .. 547).</summary>
    public int FirstPurchaseDay => Purchases[0].Day;

    /// <summary>Number of repeat purchases (orders, not distinct days).</summary>
    public int RepeatPurchases => Purchases.Count - 1;

    /// <summary>The signup date.</summary>
    public DateOnly SignupDate => SyntheticCalendar.ToDate(SignupDay);
}
