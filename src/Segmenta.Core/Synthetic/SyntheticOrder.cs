namespace Segmenta.Core.Synthetic;

/// <summary>Row order of a synthetic transaction log.</summary>
public enum SyntheticOrder
{
    /// <summary>
    /// The whole log sorted by order date (stable: within a day, customers in id order and each customer's
    /// purchases in time order), so order ids increase with the date. Holds every row in memory (about 16 bytes a row).
    /// </summary>
    Date = 0,

    /// <summary>Grouped by customer (first purchase, then repeats in time order); streams with bounded memory.</summary>
    Customer = 1,
}
