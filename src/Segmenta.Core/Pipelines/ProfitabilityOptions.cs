namespace Segmenta.Core.Pipelines;

/// <summary>
/// Settings of the cost-to-serve and profitability features (docs/features.md, "Profitability"): the unit cost of
/// each interaction type, used when an interaction has no recorded cost, and the gross margin rate used when the
/// transactions carry no cost.
/// </summary>
public sealed record ProfitabilityOptions
{
    /// <summary>
    /// Interaction type (<c>visit</c>, <c>call</c>, <c>email</c>, <c>meeting</c>) → cost of one interaction of that type, in
    /// the currency of the amounts. An interaction with an empty cost cell is counted at its type's unit cost, or 0 when
    /// its type has none. Costs must be ≥ 0.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> UnitCosts { get; init; } = new Dictionary<string, decimal>(StringComparer.Ordinal);

    /// <summary>
    /// Gross margin as a fraction of revenue (0–1) for customers without a recorded cost of goods; null = the observed
    /// population rate Σ margin / Σ revenue when the transactions carry a cost column (see <see cref="Clv.MarginRates"/>),
    /// else unknown (gross margin and profit are then null).
    /// </summary>
    public double? MarginRate { get; init; }

    /// <summary>Lists every problem of these settings (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var (type, cost) in UnitCosts)
        {
            if (cost < 0)
                problems.Add(FormattableString.Invariant($"unit cost of {type} is {cost}; costs must be 0 or more."));
        }
        if (MarginRate is { } rate && !(rate is >= 0 and <= 1))
            problems.Add(FormattableString.Invariant($"margin rate {rate} is not a fraction between 0 and 1 (e.g. 0.3 for 30%)."));
        return problems;
    }
}
