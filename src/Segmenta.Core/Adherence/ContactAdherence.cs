namespace Segmenta.Core.Adherence;

/// <summary>One interaction (visit, call …) with a customer.</summary>
/// <param name="CustomerId">Customer id.</param>
/// <param name="Date">Day of the interaction.</param>
/// <param name="Owner">Who made it (sales rep, key account manager); may be empty.</param>
public sealed record Interaction(string CustomerId, DateOnly Date, string Owner);

/// <summary>A customer's plan adherence in the period.</summary>
/// <param name="CustomerId">Customer id.</param>
/// <param name="Segment">Segment.</param>
/// <param name="Owner">Owner: the one who made most of the customer's interactions in the period (ties: the latest), or empty.</param>
/// <param name="Required">Contacts the playbook asks for in the period.</param>
/// <param name="Actual">Contacts made in the period.</param>
/// <param name="Adherence">min(Actual / Required, 1).</param>
public sealed record CustomerAdherence(string CustomerId, string Segment, string Owner, int Required, int Actual, double Adherence)
{
    /// <summary>Whether the customer got at least the required contacts.</summary>
    public bool Met => Actual >= Required;
}

/// <summary>Adherence of a group (a segment or an owner).</summary>
/// <param name="Key">Segment key or owner.</param>
/// <param name="Customers">Customers with a contact plan in the group.</param>
/// <param name="MeanAdherence">Mean of the customers' capped adherence.</param>
/// <param name="ShareMet">Share of customers who got at least the required contacts.</param>
/// <param name="Required">Sum of required contacts.</param>
/// <param name="Actual">Sum of actual contacts.</param>
public sealed record GroupAdherence(string Key, long Customers, double MeanAdherence, double ShareMet, long Required, long Actual);

/// <summary>The adherence of every planned customer, and per segment and per owner.</summary>
/// <param name="Customers">Per customer, sorted by id.</param>
/// <param name="BySegment">Per segment.</param>
/// <param name="ByOwner">Per owner (empty owner = customers nobody contacted).</param>
public sealed record AdherenceReport(IReadOnlyList<CustomerAdherence> Customers, IReadOnlyList<GroupAdherence> BySegment, IReadOnlyList<GroupAdherence> ByOwner);

/// <summary>
/// Plan adherence: compares each customer's actual contacts in a period with the contact frequency its segment's
/// playbook asks for (<c>contact_every_days</c>, e.g. 7 for "a visit a week").
/// </summary>
/// <remarks>
/// For a period of D days (from and to included) and a plan of one contact every E days, the required number of
/// contacts is max(1, ⌊D / E⌋) (a 30-day month with E = 7 asks for 4 visits); actual contacts are the interactions dated
/// in the period; adherence = min(actual / required, 1), so extra visits to one customer do not hide missing ones to
/// another. Customers of segments without a plan are left out.
/// </remarks>
public static class ContactAdherence
{
    /// <summary>Computes adherence for <paramref name="customers"/> (id → segment) over [from, to].</summary>
    public static AdherenceReport Compute(
        IReadOnlyDictionary<string, string> customers,
        IReadOnlyDictionary<string, int> contactEveryDays,
        IEnumerable<Interaction> interactions,
        DateOnly from,
        DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(contactEveryDays);
        ArgumentNullException.ThrowIfNull(interactions);
        if (to < from) throw new ArgumentException("The period ends before it starts.", nameof(to));
        var days = to.DayNumber - from.DayNumber + 1;
        var byCustomer = interactions.Where(i => i.Date >= from && i.Date <= to && customers.ContainsKey(i.CustomerId))
            .GroupBy(i => i.CustomerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var rows = new List<CustomerAdherence>();
        foreach (var (id, segment) in customers.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!contactEveryDays.TryGetValue(segment, out var every) || every < 1) continue;
            var required = Math.Max(1, days / every);
            var mine = byCustomer.GetValueOrDefault(id) ?? [];
            var owner = mine.Count == 0 ? "" : mine.GroupBy(i => i.Owner, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(i => i.Date)).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            rows.Add(new CustomerAdherence(id, segment, owner, required, mine.Count, Math.Min((double)mine.Count / required, 1.0)));
        }
        return new AdherenceReport(rows, Groups(rows, r => r.Segment), Groups(rows, r => r.Owner));
    }

    private static List<GroupAdherence> Groups(List<CustomerAdherence> rows, Func<CustomerAdherence, string> key) =>
        [.. rows.GroupBy(key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new GroupAdherence(
            g.Key, g.Count(), g.Average(r => r.Adherence), (double)g.Count(r => r.Met) / g.Count(), g.Sum(r => (long)r.Required), g.Sum(r => (long)r.Actual)))];
}
