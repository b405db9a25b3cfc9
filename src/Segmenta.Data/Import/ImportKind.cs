namespace Segmenta.Data.Import;

/// <summary>What a file holds, which decides the target table and the required columns.</summary>
public enum ImportKind
{
    /// <summary>One row per order line: customer, date and amount are required. Target table <c>transactions</c>.</summary>
    Transactions,

    /// <summary>One row per customer (CRM attributes): only the customer id is required. Target table <c>customers</c>.</summary>
    Customers,

    /// <summary>
    /// One row per contact with a customer (visit, call, email, meeting): customer, date and type are required, cost and
    /// owner optional. Target table <c>interactions</c>.
    /// </summary>
    Interactions,

    /// <summary>
    /// One row per survey answer: customer and date required, then any of NPS (0–10), CSAT (1–5) and a stated need.
    /// Target table <c>surveys</c>.
    /// </summary>
    Surveys,
}
