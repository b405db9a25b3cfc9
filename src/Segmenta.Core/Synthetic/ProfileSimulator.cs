using Segmenta.Core.Synthetic.Internal;

namespace Segmenta.Core.Synthetic;

/// <summary>
/// Dresses simulated customers as customers of an industry (<see cref="SyntheticProfile"/>): order sizes, cost of goods,
/// attributes, interactions and survey answers. Each customer draws from its own random stream (seed, customer index), so
/// the result is the same whatever the order or thread count, and the purchases themselves are those of
/// <see cref="TransactionSimulator"/>. Attributes follow the customer's latent value (purchase rate × mean spend), so
/// capacity, budgets and contract amounts go with what the customer buys, with noise. The rules are in docs/generator.md.
/// </summary>
public static class ProfileSimulator
{
    private const ulong ProfileStreams = 0x5EED_0000_0000_0000UL;
    private const ulong LineStreams = 0x11AE_0000_0000_0000UL;
    private const int SurveyFollowDays = 60;

    /// <summary>The customer-file columns of a profile after <c>customer_id</c>, in file order.</summary>
    public static IReadOnlyList<string> AttributeColumns(SyntheticProfile profile) => profile switch
    {
        SyntheticProfile.Retail => ["region", "channel", "member_level", "signup_date"],
        SyntheticProfile.Chemicals => ["region", "industry", "contract_amount", "years_cooperation", "annual_capacity_tons", "signup_date"],
        SyntheticProfile.Pharma => ["region", "hospital_level", "beds", "department_count", "potential", "signup_date"],
        SyntheticProfile.Finance => ["region", "channel", "risk_score", "product_holdings", "aum", "signup_date"],
        _ => ["region", "industry", "signup_date"],
    };

    /// <summary>Adds the profile to one customer.</summary>
    public static ProfiledCustomer Profile(SyntheticCustomer customer, SyntheticProfile profile, long seed)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (profile == SyntheticProfile.Standard || !Enum.IsDefined(profile))
            throw new ArgumentOutOfRangeException(nameof(profile), profile, "Choose retail, chemicals, pharma or finance.");
        var rng = new SyntheticRandom(seed, ProfileStreams + (ulong)customer.Index);
        var z = ValueScore(customer);
        var factor = ProfileCatalog.AmountFactor(profile);
        var (lo, hi) = ProfileCatalog.MarginRange(profile);
        var margin = Math.Round(lo + (hi - lo) * rng.NextDouble(), 4);
        var region = ProfileCatalog.Provinces[new CumulativeSampler(SyntheticAttributes.RegionWeights).Sample(rng)];
        var signup = customer.SignupDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var annualRevenue = customer.PurchaseRate * 52 * customer.ExpectedSpend * factor;
        double proneness = 0;
        var contactsPerMonth = ProfileCatalog.ContactsPerMonth(profile) * Math.Exp(0.3 * z);
        string[] attributes;
        switch (profile)
        {
            case SyntheticProfile.Retail:
                proneness = Math.Pow(rng.NextDouble(), 1.5);
                attributes = [region, ProfileCatalog.RetailChannels[rng.NextDouble() < 0.6 ? 0 : 1],
                    ProfileCatalog.MemberLevels[new CumulativeSampler(ProfileCatalog.MemberLevelWeights).Sample(rng)], signup];
                break;
            case SyntheticProfile.Chemicals:
                var industry = ProfileCatalog.ChemicalIndustries[new CumulativeSampler(ProfileCatalog.ChemicalIndustryWeights).Sample(rng)];
                var contract = Math.Round(annualRevenue * (0.5 + rng.NextDouble()) / 1000) * 1000;
                var years = Math.Max(0, (SyntheticCalendar.AsOf.DayNumber - customer.SignupDate.DayNumber) / 365) + rng.NextInt(9);
                var capacity = Math.Round(Math.Exp(Math.Log(500) + 0.8 * z + 0.6 * rng.Normal()));
                attributes = [region, industry, Invariant(contract), Invariant(years), Invariant(capacity), signup];
                break;
            case SyntheticProfile.Pharma:
                var level = new CumulativeSampler(ProfileCatalog.HospitalLevelWeights).Sample(rng);
                var (min, max) = ProfileCatalog.HospitalBeds[level];
                var beds = min + rng.NextInt(max - min + 1);
                var departments = Math.Max(3, (int)Math.Round(beds / 25.0 * (0.7 + 0.6 * rng.NextDouble())));
                // Annual drug budget in 10 000 yuan (万元): beds × 2–6, lifted by the hospital's observed value.
                var potential = Math.Round(beds * (2 + 4 * rng.NextDouble()) * Math.Exp(0.15 * z));
                contactsPerMonth = ProfileCatalog.HospitalContactsPerMonth[level];
                attributes = [region, ProfileCatalog.HospitalLevels[level], Invariant(beds), Invariant(departments), Invariant(potential), signup];
                break;
            default:
                var risk = Math.Clamp((int)Math.Round(500 + 180 * rng.Normal()), 0, 1000);
                var holdings = 1 + Math.Min(7, (int)Math.Floor(rng.Exponential() * 1.5 + Math.Max(0, z)));
                var aum = Math.Round(Math.Exp(Math.Log(200_000) + 0.5 * z + rng.Normal()), 2);
                attributes = [region, ProfileCatalog.FinanceChannels[rng.NextInt(3)], Invariant(risk), Invariant(holdings), Invariant(aum), signup];
                break;
        }

        var owner = profile == SyntheticProfile.Retail ? null : ProfileCatalog.Reps[rng.NextInt(ProfileCatalog.Reps.Length)];
        var interactions = Interactions(customer, profile, rng, contactsPerMonth, owner);
        var surveys = Surveys(customer, profile, rng, z, proneness);
        return new ProfiledCustomer(customer, attributes, margin, proneness, factor, interactions, surveys);
    }

    /// <summary>
    /// The amount, cost of goods and discount of one transaction row in cents: amount × the profile's factor; cost =
    /// amount × (1 − margin rate); a retail order is discounted with the customer's proneness by 5–30 % of its amount.
    /// Drawn from a stream keyed by the row, so the same row always gets the same values.
    /// </summary>
    public static (long AmountCents, long CostCents, long DiscountCents) Line(ProfiledCustomer customer, SyntheticTransaction row, long seed)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var amount = row.AmountCents * customer.AmountFactor;
        var cost = (long)Math.Round(amount * (1 - customer.MarginRate), MidpointRounding.ToEven);
        long discount = 0;
        if (customer.DiscountProneness > 0)
        {
            unchecked
            {
                var key = (ulong)row.Customer * 0x9E3779B97F4A7C15UL ^ (ulong)row.Day * 0xC2B2AE3D27D4EB4FUL ^ (ulong)row.AmountCents ^ (ulong)row.Product << 40;
                var rng = new SyntheticRandom(seed, LineStreams ^ key);
                if (rng.NextDouble() < customer.DiscountProneness)
                    discount = Math.Max(1, (long)Math.Round(amount * (0.05 + 0.25 * rng.NextDouble())));
            }
        }
        return (amount, cost, discount);
    }

    /// <summary>Standardised log of the latent weekly value λ·E[spend] (centre and scale of the default CDNOW priors), clipped to ±3.</summary>
    private static double ValueScore(SyntheticCustomer c) =>
        Math.Clamp((Math.Log(Math.Max(c.PurchaseRate * c.ExpectedSpend, 1e-12)) + 2.35) / 4.25, -3, 3);

    private static List<SyntheticInteraction> Interactions(SyntheticCustomer c, SyntheticProfile profile, SyntheticRandom rng, double perMonth, string? owner)
    {
        var list = new List<SyntheticInteraction>();
        var start = Math.Max(0, c.FirstPurchaseDay - 30);
        // Contacts stop 60 days after the last purchase of a customer who dropped out.
        var end = c.IsAliveAtAsOf ? SyntheticCalendar.WindowDays : Math.Min(SyntheticCalendar.WindowDays, c.Purchases[^1].Day + 60);
        var types = new CumulativeSampler(ProfileCatalog.TypeWeights(profile));
        var costs = ProfileCatalog.TypeCosts(profile);
        var ratePerDay = perMonth / 30.0;
        double t = start;
        while (true)
        {
            t += rng.Exponential() / ratePerDay;
            if (!(t < end)) break;
            var type = types.Sample(rng);
            long? cents = rng.NextDouble() < 1.0 / 7 ? null : (long)Math.Round(costs[type] * (0.8 + 0.4 * rng.NextDouble()) * 100);
            list.Add(new SyntheticInteraction((int)t, TypeNames[type], cents, owner));
        }
        return list;
    }

    private static readonly string[] TypeNames = ["visit", "call", "email", "meeting"];

    private static List<SyntheticSurvey> Surveys(SyntheticCustomer c, SyntheticProfile profile, SyntheticRandom rng, double z, double proneness)
    {
        var list = new List<SyntheticSurvey>();
        if (rng.NextDouble() >= ProfileCatalog.SurveyShare(profile)) return list;
        var count = 1 + rng.NextInt(3);
        var first = c.FirstPurchaseDay;
        var last = Math.Min(SyntheticCalendar.WindowDays - 1, c.Purchases[^1].Day + SurveyFollowDays);
        var days = new List<int>(count);
        for (var k = 0; k < count; k++) days.Add(first + rng.NextInt(Math.Max(1, last - first + 1)));
        days.Sort();
        var experience = rng.NextDouble() < 0.3;
        foreach (var day in days)
        {
            var npsValue = 7 + 0.8 * z + (c.IsAliveAtAsOf ? 0.5 : -1.5) + 1.8 * rng.Normal();
            int? nps = rng.NextDouble() < 0.8 ? Math.Clamp((int)Math.Round(npsValue), 0, 10) : null;
            var csatValue = 3.5 + 0.4 * z + (experience ? 0.6 : 0) + 0.8 * rng.Normal();
            int? csat = rng.NextDouble() < 0.8 ? Math.Clamp((int)Math.Round(csatValue), 1, 5) : null;
            var need = rng.NextDouble() < 0.7 ? Need(profile, rng, proneness, experience) : null;
            if (nps is null && csat is null && need is null) nps = Math.Clamp((int)Math.Round(npsValue), 0, 10);
            list.Add(new SyntheticSurvey(day, nps, csat, need));
        }
        return list;
    }

    private static string Need(SyntheticProfile profile, SyntheticRandom rng, double proneness, bool experience)
    {
        switch (profile)
        {
            case SyntheticProfile.Retail:
                if (proneness > 0.5 && rng.NextDouble() < 0.7) return "价格";
                if (experience && rng.NextDouble() < 0.7) return rng.NextDouble() < 0.5 ? "体验" : "服务";
                return ProfileCatalog.RetailNeeds[rng.NextInt(ProfileCatalog.RetailNeeds.Length)];
            case SyntheticProfile.Chemicals:
                return ProfileCatalog.ChemicalNeeds[rng.NextInt(ProfileCatalog.ChemicalNeeds.Length)];
            case SyntheticProfile.Pharma:
                return ProfileCatalog.PharmaNeeds[rng.NextInt(ProfileCatalog.PharmaNeeds.Length)];
            default:
                return ProfileCatalog.FinanceNeeds[rng.NextInt(ProfileCatalog.FinanceNeeds.Length)];
        }
    }

    private static string Invariant(double value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
