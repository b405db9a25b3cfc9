namespace Segmenta.Core.Snapshots.Migration;

/// <summary>How the customers of one scheme moved between two snapshots.</summary>
/// <param name="Scheme">Scheme name.</param>
/// <param name="Matrix">Transition counts over the customers in both snapshots.</param>
/// <param name="Movers">Customers whose segment changed, sorted by customer id.</param>
/// <param name="OnlyBefore">Customers only in the earlier snapshot (left the data), per segment.</param>
/// <param name="OnlyAfter">Customers only in the later snapshot (new customers), per segment.</param>
/// <param name="Flows">Sankey-ready flows (segment before → segment after, customers), without zero flows.</param>
public sealed record MigrationResult(
    string Scheme,
    TransitionMatrix Matrix,
    IReadOnlyList<Mover> Movers,
    IReadOnlyDictionary<string, long> OnlyBefore,
    IReadOnlyDictionary<string, long> OnlyAfter,
    IReadOnlyList<Flow> Flows)
{
    private readonly long? _moversCount;

    /// <summary>
    /// How many customers changed segment: <see cref="Movers"/>.Count unless set (a server engine's migration carries the
    /// count with only the first movers).
    /// </summary>
    public long MoversCount
    {
        get => _moversCount ?? Movers.Count;
        init => _moversCount = value;
    }
}

/// <summary>A customer whose segment changed.</summary>
/// <param name="CustomerId">Customer id.</param>
/// <param name="From">Segment before.</param>
/// <param name="To">Segment after.</param>
public sealed record Mover(string CustomerId, string From, string To);

/// <summary>One Sankey link: <paramref name="Value"/> customers from segment <paramref name="Source"/> (before) to <paramref name="Target"/> (after).</summary>
/// <param name="Source">Segment before.</param>
/// <param name="Target">Segment after.</param>
/// <param name="Value">Customers.</param>
public sealed record Flow(string Source, string Target, long Value);
