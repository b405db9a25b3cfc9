using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Segmenta.Core.Ingest;

namespace Segmenta.Data.Tests.Import;

public sealed class RowAccountingTests : IDisposable
{
    private readonly ImportFixture _f = new();

    public void Dispose() => _f.Dispose();

    /// <summary>
    /// A file big enough for DuckDB to read in parallel, with ragged rows, an unquoted-quote row, bad values,
    /// blank lines and quoted newlines at known places: every row keeps its true spreadsheet row number.
    /// </summary>
    [Fact]
    public void Import_LargeFileWithGaps_RowNumbersMatchLines()
    {
        var sb = new StringBuilder("customer_id,order_date,amount,note\n");
        var expectedRejects = new List<long>();
        var expectedBlank = 0;
        for (long row = 2; row <= 300_000; row++)
        {
            var id = "C" + row.ToString(CultureInfo.InvariantCulture);
            switch (row % 50_000)
            {
                case 7:
                    sb.Append(id).Append(",2024-01-01,1,x,extra\n");
                    expectedRejects.Add(row);
                    break;
                case 11:
                    sb.Append('\n');
                    expectedBlank++;
                    break;
                case 13:
                    sb.Append(id).Append(",2024-13-01,1,\n");
                    expectedRejects.Add(row);
                    break;
                case 17:
                    sb.Append(id).Append(",2024-01-01,1,\"two\nlines\"\n");
                    break;
                default:
                    sb.Append(id).Append(",2024-01-01,1,\n");
                    break;
            }
        }

        var report = _f.Import(_f.Write("big.csv", sb.ToString()));
        Assert.Equal(300_000 - 1 - expectedBlank, report.RowsRead);
        Assert.Equal(expectedBlank, report.BlankRows);
        Assert.Equal(expectedRejects.Count, report.RowsRejected);
        Assert.Equal(0L, _f.Query("SELECT count(*) FROM transactions WHERE customer_id <> 'C' || src_row")[0][0]);
        Assert.Equal(expectedRejects.Select(r => r.ToString(CultureInfo.InvariantCulture)), ImportFixture.ReadRejects(report).Select(r => r[0]));
    }

    /// <summary>Whatever mix of good and bad cells, read = accepted + rejected and the counts match the cells.</summary>
    [Property(MaxTest = 25)]
    public Property Import_RandomRows_AccountingIdentityHolds() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 5)).ToArbitrary(), kinds =>
        {
            using var f = new ImportFixture();
            var sb = new StringBuilder("customer_id,order_date,amount\n");
            var expected = new Dictionary<string, long>();
            var goods = 0;
            foreach (var k in kinds)
            {
                var (line, reason) = k switch
                {
                    0 => (",2024-01-01,1", RejectReason.MissingCustomer),
                    1 => ("C,2024-99-01,1", RejectReason.BadDate),
                    2 => ("C,2024-01-01,x", RejectReason.BadAmount),
                    3 => ("C,2024-01-01,1,9", RejectReason.MalformedRow),
                    4 => ("C,,1", RejectReason.MissingDate),
                    _ => ("C,2024-01-01,1", null),
                };
                sb.Append(line).Append('\n');
                if (reason is null)
                {
                    goods++;
                }
                else
                {
                    expected[reason] = expected.GetValueOrDefault(reason) + 1;
                }
            }

            sb.Append("C,2024-01-01,1\n");
            goods++;
            var report = f.Import(f.Write("p.csv", sb.ToString()), o => o with { MaxRejectRate = 1 });
            return report.RowsRead == kinds.Count + 1 && report.RowsAccepted == goods &&
                   expected.All(kv => report.RejectedByReason.GetValueOrDefault(kv.Key) == kv.Value);
        });
}
