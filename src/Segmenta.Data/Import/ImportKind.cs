namespace Segmenta.Data.Import;

/// <summary>What a file holds, which decides the target table and the required columns.</summary>
public enum ImportKind
{
    /// <summary>One row per order line: customer, date and amount are required. Target table <c>transactions</c>.</summary>
    Transactions,

    /// <summary>One row per customer (CRM attributes): only the customer id is required. Target table <c>customers</c>.</summary>
    Customers,
}
