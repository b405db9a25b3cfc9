using Segmenta.Core.Ingest;

namespace Segmenta.Data.Import;

/// <summary>
/// Recognises the totals and subtotals rows that report-style exports append (<c>合计,,,1234.00</c>, <c>Total,,,…</c>):
/// the first column or the customer column holds only a totals label. Such rows are rejected as
/// <see cref="RejectReason.TotalsRow"/>, listed in the rejects file, and not counted against the reject threshold —
/// summing them as a purchase would double the revenue, and failing the load for them would punish a normal export.
/// </summary>
internal static class TotalsRow
{
    /// <summary>The labels (lower case, an optional trailing colon), as a regular expression.</summary>
    public const string Pattern = "(合计|合計|总计|總計|小计|小計|共计|总和|total|totals|grand total|subtotal|sub-total|sum)[:：]?";

    /// <summary>First code points of the labels (合 总 總 小 共 T t G g S s): a cheap filter before the regular expression.</summary>
    private const string FirstCodePoints = "21512, 24635, 32317, 23567, 20849, 84, 116, 71, 103, 83, 115";

    /// <summary>The check; it runs before every other one, so a totals row with no customer id is still a totals row.</summary>
    public static RowCheck Check(ColumnPlan plan)
    {
        var customer = plan.For(ColumnRoles.Customer);
        var first = customer is { Index: 0 } ? customer : plan.Mapped.FirstOrDefault(m => m.Index == 0);
        var columns = new List<int> { 0 };
        if (customer is not null && customer.Index != 0)
        {
            columns.Add(customer.Index);
        }

        var condition = string.Join(" OR ", columns.Select(i => IsLabel(Db.Col(i))));
        return RowCheck.Simple(RejectReason.TotalsRow, $"({condition})", first ?? customer);
    }

    private static string IsLabel(string x) =>
        $"(unicode({x}) IN ({FirstCodePoints}) AND length({x}) <= 16 AND regexp_full_match(lower(trim({x}, {CellSpace.Characters})), '{Pattern}'))";
}
