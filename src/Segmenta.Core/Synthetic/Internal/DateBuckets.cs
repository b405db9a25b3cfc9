namespace Segmenta.Core.Synthetic.Internal;

/// <summary>
/// Transactions bucketed by order day in fixed-size pages, appended in customer order. Reading the days in order
/// gives a stable sort by date without a sort: memory is 16 bytes a row plus at most one part-filled page per day.
/// </summary>
internal sealed class DateBuckets
{
    private const int PageRows = 1024;

    private readonly List<Row[]>[] _pages;
    private readonly int[] _filled;

    public DateBuckets()
    {
        _pages = new List<Row[]>[SyntheticCalendar.WindowDays];
        _filled = new int[SyntheticCalendar.WindowDays];
        for (var d = 0; d < _pages.Length; d++)
        {
            _pages[d] = [];
            _filled[d] = PageRows;
        }
    }

    public long Count { get; private set; }

    public void Add(int customer, SyntheticPurchase purchase)
    {
        var day = purchase.Day;
        var pages = _pages[day];
        if (_filled[day] == PageRows)
        {
            // Pages live until the log is drained: allocating them on the pinned-object heap keeps the GC from
            // copying them through gen0 → gen1 → gen2 (measured: less CPU and a lower memory peak at 10M rows).
            pages.Add(GC.AllocateUninitializedArray<Row>(PageRows, pinned: true));
            _filled[day] = 0;
        }

        pages[^1][_filled[day]++] = new Row(customer, purchase.AmountCents, purchase.Product);
        Count++;
    }

    /// <summary>All rows by day, numbering order ids from 1; each day's pages are released once read.</summary>
    public IEnumerable<SyntheticTransaction> Drain()
    {
        long orderId = 0;
        for (var day = 0; day < _pages.Length; day++)
        {
            var pages = _pages[day];
            for (var i = 0; i < pages.Count; i++)
            {
                var page = pages[i];
                var n = i == pages.Count - 1 ? _filled[day] : PageRows;
                for (var j = 0; j < n; j++)
                {
                    var row = page[j];
                    yield return new SyntheticTransaction(++orderId, row.Customer, day, row.AmountCents, row.Product);
                }

                pages[i] = [];
            }

            pages.Clear();
        }
    }

    private readonly record struct Row(int Customer, long AmountCents, int Product);
}
