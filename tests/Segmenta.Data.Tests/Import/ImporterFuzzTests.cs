using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Segmenta.Core;
using Segmenta.Data.Import;

namespace Segmenta.Data.Tests.Import;

/// <summary>
/// Property-based fuzzing of the CSV importer (issue 10 item 2): random bytes, random CSV-ish text in random encodings,
/// and mutations of a valid file. Whatever the input, the import either succeeds with read = accepted + rejected (and
/// the table holds exactly the accepted rows) or refuses with <see cref="SegmentaInputException"/>; it never throws
/// anything else, never leaves staging tables behind, and finishes within <see cref="PerCase"/>. 160 imports on
/// one in-memory DuckDB, well under a minute in total.
/// </summary>
public sealed class ImporterFuzzTests : IDisposable
{
    private readonly ImportFixture _f = new();

    public ImporterFuzzTests() => Segmenta.Data.Import.Db.Execute(_f.Connection, "SET memory_limit = '256MB'");

    public void Dispose() => _f.Dispose();

    /// <summary>Generous bound for one small file on a loaded CI machine (a typical case takes 20–100 ms).</summary>
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(30);

    /// <summary>Cases alternate between lenient (all rows loaded or rejected) and the default 1 % threshold.</summary>
    private static readonly double[] RejectRates = [1.0, 0.01];

    private const string ValidCsv =
        "customer_id,order_date,amount,note\nC1,2024-01-05,10,a\nC2,2024-01-06,\"1,234.50\",\"b\nc\"\nC3,45296,(5),\nC1,20240107,￥8,d\n";

    private static readonly string[] Tokens =
    [
        ",", ",", ",", ";", "\t", "|", "\"", "\"\"", "\n", "\n", "\r\n", "\r", " ", "　", "\uFEFF", "",
        "C1", "007", "2024-01-05", "45296", "20240105", "24-1-5", "２０２４－０１－０５", "12.5", "1,234.50元", "(500)", "-3",
        "１２３，４５", "合计", "Total", "NaN", "1e309", "99999999999999999999999", "=SUM(A1)", "\0", "\u00e9", "😀", "\uD800",
        "customer_id", "order_date", "amount",
    ];

    private static readonly Encoding[] Encodings =
    [
        new UTF8Encoding(false), new UTF8Encoding(true), new UnicodeEncoding(false, true), new UnicodeEncoding(true, true), TextEncodings.Gb18030(),
    ];

    private static Gen<byte[]> RandomBytes =>
        Gen.ArrayOf(Gen.Choose(0, 255)).Select(a => a.Select(b => (byte)b).ToArray());

    private static Gen<byte[]> CsvIshText =>
        from header in Gen.Elements("customer_id,order_date,amount\n", "客户编号;下单日期;金额\r\n", "customer_id\tdate\tamount\tnote\n", "")
        from body in Gen.ArrayOf(Gen.Elements(Tokens))
        from encoding in Gen.Elements(Encodings)
        select Encode(encoding, header + string.Concat(body));

    private static Gen<byte[]> MutatedValidFile =>
        from mutations in Gen.ArrayOf(from kind in Gen.Choose(0, 4) from at in Gen.Choose(0, 10_000) from value in Gen.Choose(0, 255) select (kind, at, value))
        select Mutate(Encoding.UTF8.GetBytes(ValidCsv), mutations.Take(8));

    [Property(MaxTest = 40)]
    public Property Import_RandomBytes_SucceedsOrRefuses() => Prop.ForAll(RandomBytes.ToArbitrary(), ImportsOrRefuses);

    [Property(MaxTest = 60)]
    public Property Import_CsvIshTextInAnyEncoding_SucceedsOrRefuses() => Prop.ForAll(CsvIshText.ToArbitrary(), ImportsOrRefuses);

    [Property(MaxTest = 60)]
    public Property Import_MutatedValidFile_SucceedsOrRefuses() => Prop.ForAll(MutatedValidFile.ToArbitrary(), ImportsOrRefuses);

    [Fact]
    public void Import_ValidSeedFile_Loads()
    {
        using var f = new ImportFixture();
        var report = f.Import(f.Write("seed.csv", ValidCsv));
        Assert.Equal(4, report.RowsAccepted);
    }

    private static byte[] Encode(Encoding encoding, string text) => [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];

    private static byte[] Mutate(byte[] bytes, IEnumerable<(int Kind, int At, int Value)> mutations)
    {
        var list = bytes.ToList();
        foreach (var (kind, at, value) in mutations)
        {
            var i = list.Count == 0 ? 0 : at % list.Count;
            switch (kind)
            {
                case 0 when list.Count > 0: list[i] = (byte)value; break;                      // overwrite a byte
                case 1: list.Insert(i, (byte)value); break;                                    // insert a byte
                case 2 when list.Count > 0: list.RemoveAt(i); break;                           // delete a byte
                case 3: list.InsertRange(i, "\",\"\n"u8.ToArray().Skip(value % 4).Take(1)); break; // a quote, comma or newline
                default: list.InsertRange(i, list.Skip(i).Take(value % 40).ToList()); break;   // duplicate a run (e.g. a line)
            }
        }

        return [.. list];
    }

    private bool ImportsOrRefuses(byte[] bytes)
    {
        var f = _f;
        var path = Path.Combine(f.Scratch, "fuzz.csv");
        File.WriteAllBytes(path, bytes);
        var rate = RejectRates[bytes.Length % RejectRates.Length];
        using var cancel = new CancellationTokenSource();
        var run = Task.Run(() =>
        {
            try
            {
                var report = f.Import(path, o => o with { MaxRejectRate = rate });
                Assert.Equal(report.RowsAccepted, (long)f.Query("SELECT count(*) FROM transactions")[0][0]!);
            }
            catch (SegmentaInputException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            }

            Assert.Empty(f.Query("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '\\_segmenta%' ESCAPE '\\'"));
        }, cancel.Token);
        if (!run.Wait(PerCase))
        {
            cancel.Cancel();
            throw new TimeoutException($"import of a {bytes.Length}-byte file did not finish in {PerCase.TotalSeconds} s: {Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 200)))}");
        }

        return true;
    }
}
