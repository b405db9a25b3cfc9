namespace Segmenta.Core.Abc;

/// <summary>Which tie group of customers lies on a class limit (e.g. the group whose revenue takes the cumulative share past 80 %).</summary>
public enum AbcEdge
{
    /// <summary>A group belongs to the class when the cumulative share up to and including it is ≤ the limit.</summary>
    AtOrBelow = 0,

    /// <summary>A group belongs to the class when the cumulative share up to and including it is &lt; the limit.</summary>
    Below = 1,

    /// <summary>A group belongs to the class when the cumulative share before it is &lt; the limit, so the group that crosses the limit is included (default: a customer holding more than 95 % of revenue alone is then A, not C).</summary>
    Crossing = 2,
}
