namespace Segmenta.Core.Synthetic.Internal;

/// <summary>
/// Simulates customers from the BG/NBD purchase process with Gamma-Gamma spend, one block (one random stream) at a time.
/// </summary>
/// <remarks>
/// Per customer, in this order of draws: λ ~ Gamma(r, rate α) per week; p ~ Beta(a, b) = X / (X + Y) with
/// X ~ Gamma(a), Y ~ Gamma(b), clipped to [1e-12, 1]; ν ~ Gamma(q, rate v); first-purchase day d₀ uniform on
/// 0 .. 547; J ~ Geometric(p), the repeat purchase after which the customer drops out. Repeat purchases then
/// arrive as a Poisson process of rate λ/7 per day in continuous time, t = d₀ + E₁/λ + E₂/λ + …, until the end
/// of the as-of day (t ≥ 1096: alive) or the J-th repeat (dropped out). This is the BG/NBD process of
/// Fader, Hardie &amp; Lee (2005), section 2, simulated event by event: the number of repeats is min(N, J) with
/// N ~ Poisson(λ·T), the same law as the vectorised reference. Each purchase day is ⌊t⌋; each amount is
/// Gamma(p, rate ν) rounded to cents (half to even), at least 0.01; each product is drawn from the Zipf catalogue.
/// Last come region, industry and the signup lead min(Geometric(1/45) − 1, 365). With a product affinity φ &gt; 0,
/// each purchase then keeps its product with probability 1 − φ or takes one drawn from the industry's preferred
/// categories (popularity-weighted), on a separate per-block stream so every other draw is unchanged.
/// </remarks>
internal sealed class CustomerBlockSimulator
{
    private readonly SyntheticOptions _options;
    private readonly ProductCatalog _catalog;
    private readonly GammaSampler _lambda;
    private readonly GammaSampler _dropoutX;
    private readonly GammaSampler _dropoutY;
    private readonly GammaSampler _spendRate;
    private readonly GammaSampler _spend;
    private const double PlantedShape = 11.0;
    private readonly GammaSampler _planted = new(PlantedShape);
    private readonly CumulativeSampler _regions = new(SyntheticAttributes.RegionWeights);
    private readonly CumulativeSampler _industries = new(SyntheticAttributes.IndustryWeights);
    private readonly TasteCatalog? _tastes;

    public CustomerBlockSimulator(SyntheticOptions options)
    {
        _options = options;
        _catalog = new ProductCatalog(options.Products, options.ZipfExponent, options.Seed);
        _lambda = new GammaSampler(options.R);
        _dropoutX = new GammaSampler(options.A);
        _dropoutY = new GammaSampler(options.B);
        _spendRate = new GammaSampler(options.Q);
        _spend = new GammaSampler(options.P);
        _tastes = options.ProductAffinity > 0 ? new TasteCatalog(_catalog.ProductWeights()) : null;
    }

    /// <summary>Simulates block <paramref name="block"/> of a population of <paramref name="customers"/>.</summary>
    public SyntheticCustomer[] SimulateBlock(int block, int customers)
    {
        var first = checked(block * SimulationStreams.CustomersPerBlock);
        var count = Math.Min(SimulationStreams.CustomersPerBlock, customers - first);
        var rng = new SyntheticRandom(_options.Seed, (ulong)block);
        var taste = _tastes is null ? null : new SyntheticRandom(_options.Seed, SimulationStreams.ProductTaste + (ulong)block);
        var result = new SyntheticCustomer[count];
        var purchases = new List<SyntheticPurchase>(64);
        for (var i = 0; i < count; i++)
        {
            result[i] = SimulateCustomer(rng, first + i, purchases, taste);
        }

        return result;
    }

    private SyntheticCustomer SimulateCustomer(SyntheticRandom rng, int index, List<SyntheticPurchase> purchases, SyntheticRandom? taste)
    {
        if (_options.Clusters is { } clusters)
        {
            return SimulatePlanted(rng, index, purchases, clusters);
        }

        var lambdaPerWeek = _lambda.Sample(rng) / _options.Alpha;
        var p = DropoutProbability(rng);
        var nu = _spendRate.Sample(rng) / _options.V;
        var firstDay = rng.NextInt(SyntheticCalendar.FirstPurchaseDays);
        var dropoutAfter = rng.Geometric(p);

        purchases.Clear();
        purchases.Add(Purchase(rng, firstDay, nu));
        var alive = true;
        var ratePerDay = lambdaPerWeek / 7.0;
        if (ratePerDay > 0)
        {
            double t = firstDay;
            var repeats = 0;
            while (true)
            {
                t += rng.Exponential() / ratePerDay;
                if (!(t < SyntheticCalendar.WindowDays))
                {
                    break;
                }

                repeats++;
                var day = Math.Min((int)t, SyntheticCalendar.WindowDays - 1);
                purchases.Add(Purchase(rng, day, nu));
                if (repeats >= dropoutAfter)
                {
                    alive = false;
                    break;
                }
            }
        }

        var region = _regions.Sample(rng);
        var industry = _industries.Sample(rng);
        var lead = Math.Min(rng.Geometric(1.0 / SyntheticAttributes.SignupLeadMeanDays) - 1.0, SyntheticCalendar.SignupLeadMaxDays);
        if (taste is not null)
        {
            for (var j = 0; j < purchases.Count; j++)
            {
                if (taste.NextDouble() < _options.ProductAffinity)
                    purchases[j] = purchases[j] with { Product = _tastes!.Sample(industry, taste) };
            }
        }
        var group = _options.Campaign is { } campaign ? PlantCampaign(campaign, index, nu, purchases) : CampaignGroup.None;
        return new SyntheticCustomer(
            index, lambdaPerWeek, p, nu, _options.P / nu, alive, region, industry, firstDay - (int)lead, [.. purchases], group);
    }

    /// <summary>
    /// Assigns the campaign group and adds the treated customer's extra orders (see <see cref="SyntheticCampaign"/>), from
    /// the customer's own campaign stream so the base draws of every customer stay as they are.
    /// </summary>
    private CampaignGroup PlantCampaign(SyntheticCampaign campaign, int index, double nu, List<SyntheticPurchase> purchases)
    {
        var start = campaign.Start.DayNumber - SyntheticCalendar.WindowStart.DayNumber;
        var end = Math.Min(start + campaign.WindowDays, SyntheticCalendar.WindowDays);
        var rng = new SyntheticRandom(_options.Seed, SimulationStreams.CampaignStreamBase + (ulong)index);
        if (purchases[0].Day >= start || rng.NextDouble() >= campaign.TargetShare) return CampaignGroup.None;
        if (rng.NextDouble() < campaign.ControlShare) return CampaignGroup.Control;
        var whole = Math.Floor(campaign.Uplift);
        var fraction = campaign.Uplift - whole;
        var inWindow = purchases.Count(x => x.Day >= start && x.Day < end);
        for (var i = 0; i < inWindow; i++)
        {
            var extra = (int)whole + (rng.NextDouble() < fraction ? 1 : 0);
            for (var k = 0; k < extra; k++)
                purchases.Add(Purchase(rng, start + rng.NextInt(end - start), nu));
        }
        // Stable by day: the first purchase (before the start) stays first.
        var ordered = purchases.OrderBy(x => x.Day).ToList();
        purchases.Clear();
        purchases.AddRange(ordered);
        return CampaignGroup.Treated;
    }

    /// <summary>A customer of a planted cluster (see <see cref="PlantedClusters"/>): group, then rate, order value, first day, active-until day, purchases.</summary>
    private SyntheticCustomer SimulatePlanted(SyntheticRandom rng, int index, List<SyntheticPurchase> purchases, int clusters)
    {
        var cluster = rng.NextInt(clusters);
        var type = PlantedClusters.Archetypes[cluster];
        var lambdaPerWeek = type.RatePerWeek * _planted.Sample(rng) / PlantedShape;
        var meanSpend = type.MeanOrderValue * _planted.Sample(rng) / PlantedShape;
        var nu = _options.P / meanSpend;
        var firstDay = type.FirstDayFrom + rng.NextInt(type.FirstDayTo - type.FirstDayFrom + 1);
        var until = type.ActiveUntilFrom + rng.NextInt(type.ActiveUntilTo - type.ActiveUntilFrom + 1);
        var end = Math.Min(until, SyntheticCalendar.WindowDays);
        purchases.Clear();
        purchases.Add(Purchase(rng, firstDay, nu));
        var ratePerDay = lambdaPerWeek / 7.0;
        double t = firstDay;
        while (true)
        {
            t += rng.Exponential() / ratePerDay;
            if (!(t < end))
            {
                break;
            }

            purchases.Add(Purchase(rng, (int)t, nu));
        }

        var region = _regions.Sample(rng);
        var industry = _industries.Sample(rng);
        var alive = until >= SyntheticCalendar.WindowDays;
        return new SyntheticCustomer(
            index, lambdaPerWeek, alive ? 1e-12 : 1.0, nu, meanSpend, alive, region, industry, firstDay, [.. purchases], cluster: cluster);
    }

    private double DropoutProbability(SyntheticRandom rng)
    {
        var x = _dropoutX.Sample(rng);
        var y = _dropoutY.Sample(rng);
        var sum = x + y;
        // Both draws underflow to 0 only for tiny shapes; fall back to the Beta's mean.
        var p = sum > 0 ? x / sum : _options.A / (_options.A + _options.B);
        return Math.Clamp(p, 1e-12, 1.0);
    }

    private SyntheticPurchase Purchase(SyntheticRandom rng, int day, double nu)
    {
        var amount = _spend.Sample(rng) / nu;
        var cents = Math.Max((long)Math.Round(amount * 100.0, MidpointRounding.ToEven), 1L);
        return new SyntheticPurchase(day, cents, _catalog.Sample(rng));
    }
}
