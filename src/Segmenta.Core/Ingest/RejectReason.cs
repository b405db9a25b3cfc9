namespace Segmenta.Core.Ingest;

/// <summary>
/// Reason codes written to the <c>reason_code</c> column of a rejects file and used as keys of
/// <see cref="LoadReport.RejectedByReason"/>.
/// </summary>
public static class RejectReason
{
    /// <summary>The row could not be split into the header's columns (ragged row, unterminated quote, invalid text encoding).</summary>
    public const string MalformedRow = "malformed_row";

    /// <summary>The customer id is empty.</summary>
    public const string MissingCustomer = "missing_customer";

    /// <summary>The order date is empty.</summary>
    public const string MissingDate = "missing_date";

    /// <summary>The order date is not a date in any accepted format, or outside 1900–2099.</summary>
    public const string BadDate = "bad_date";

    /// <summary>The amount is empty.</summary>
    public const string MissingAmount = "missing_amount";

    /// <summary>The amount is not a number.</summary>
    public const string BadAmount = "bad_amount";

    /// <summary>The quantity is present but not a number.</summary>
    public const string BadQuantity = "bad_quantity";

    /// <summary>The cost is present but not a number.</summary>
    public const string BadCost = "bad_cost";

    /// <summary>The sign-up date (customers) is present but not a date.</summary>
    public const string BadSignupDate = "bad_signup_date";

    /// <summary>The discount (transactions) is present but not a number.</summary>
    public const string BadDiscount = "bad_discount";

    /// <summary>The interaction type is empty.</summary>
    public const string MissingType = "missing_type";

    /// <summary>The interaction type is not visit, call, email or meeting (or a recognised synonym such as 拜访 or 电话).</summary>
    public const string BadType = "bad_type";

    /// <summary>The interaction cost is negative.</summary>
    public const string NegativeCost = "negative_cost";

    /// <summary>The NPS answer is present but not a whole number from 0 to 10.</summary>
    public const string BadNps = "bad_nps";

    /// <summary>The CSAT answer is present but not a whole number from 1 to 5.</summary>
    public const string BadCsat = "bad_csat";

    /// <summary>A survey row carries no NPS, CSAT or need answer.</summary>
    public const string NoAnswer = "no_answer";

    /// <summary>
    /// A totals or subtotals row of a report-style export (合计, 总计, 小计, Total, Subtotal … in the first or the customer
    /// column). Not a transaction and not counted as an error.
    /// </summary>
    public const string TotalsRow = "totals_row";

    /// <summary>A return (negative amount) removed because the returns policy is <c>Exclude</c>. Not counted as an error.</summary>
    public const string ReturnExcluded = "return_excluded";
}
