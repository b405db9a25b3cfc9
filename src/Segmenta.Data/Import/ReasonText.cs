using Segmenta.Core.Ingest;

namespace Segmenta.Data.Import;

/// <summary>The human-readable <c>reason</c> of each reason code, written next to it in the rejects file.</summary>
internal static class ReasonText
{
    private const string DateForms = "yyyy-MM-dd, yyyy/M/d, yyyy.M.d, yyyyMMdd, yyyy年M月d日, ISO with T, or an Excel serial number; years 1900-2099";

    /// <summary>SQL giving the reason text for a row with code <c>_reason</c> and raw value <c>_raw</c>.</summary>
    public static string Sql(char decimalSeparator, ImportKind kind = ImportKind.Transactions)
    {
        var dateName = kind == ImportKind.Transactions ? "order date" : "date";
        var types = string.Join(", ", InteractionTypes.All);
        var numberForms = decimalSeparator == ','
            ? "not a number with \",\" as decimal separator (e.g. 1.234,50 or (500))"
            : "not a number (e.g. 1234.50, 1,234.50, ¥35, -12 or (500))";
        var comma = decimalSeparator == ','
            ? ""
            : $"WHEN _reason IN ('{RejectReason.BadAmount}', '{RejectReason.BadCost}', '{RejectReason.BadQuantity}') AND {ValueSql.LooksLikeDecimalComma("_raw")} " +
              "THEN 'not a number with \".\" as decimal separator; if \",\" is the decimal separator use --decimal-separator \",\"' ";
        return "CASE " + comma +
               $"WHEN _reason = '{RejectReason.MissingCustomer}' THEN 'customer id is empty' " +
               $"WHEN _reason = '{RejectReason.MissingDate}' THEN '{dateName} is empty' " +
               $"WHEN _reason IN ('{RejectReason.BadDate}', '{RejectReason.BadSignupDate}') THEN 'not a date ({DateForms})' " +
               $"WHEN _reason = '{RejectReason.MissingAmount}' THEN 'amount is empty' " +
               $"WHEN _reason IN ('{RejectReason.BadAmount}', '{RejectReason.BadCost}', '{RejectReason.BadQuantity}') THEN '{numberForms.Replace("'", "''", StringComparison.Ordinal)}' " +
               $"WHEN _reason = '{RejectReason.BadDiscount}' THEN '{numberForms.Replace("'", "''", StringComparison.Ordinal)}' " +
               $"WHEN _reason = '{RejectReason.MissingType}' THEN 'interaction type is empty; use one of {types}' " +
               $"WHEN _reason = '{RejectReason.BadType}' THEN 'not an interaction type: use {types} (or 拜访, 电话, 邮件, 会议)' " +
               $"WHEN _reason = '{RejectReason.NegativeCost}' THEN 'cost is negative' " +
               $"WHEN _reason = '{RejectReason.BadNps}' THEN 'NPS must be a whole number from {ParseQuery.MinNps} to {ParseQuery.MaxNps}' " +
               $"WHEN _reason = '{RejectReason.BadCsat}' THEN 'CSAT must be a whole number from {ParseQuery.MinCsat} to {ParseQuery.MaxCsat}' " +
               $"WHEN _reason = '{RejectReason.NoAnswer}' THEN 'no NPS, CSAT or need answer in this row' " +
               $"WHEN _reason = '{RejectReason.TotalsRow}' THEN 'a totals row (合计/小计/Total), not a transaction; not counted as an error' " +
               $"WHEN _reason = '{RejectReason.ReturnExcluded}' THEN 'negative amount (a return) excluded by the returns policy Exclude' " +
               "ELSE _reason END";
    }
}
