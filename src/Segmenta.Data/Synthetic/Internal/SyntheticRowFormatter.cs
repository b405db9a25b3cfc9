using System.Globalization;
using System.Text;
using Segmenta.Core.Synthetic;

namespace Segmenta.Data.Synthetic.Internal;

/// <summary>Formats the rows of the three generated CSV files (invariant culture, LF line ends).</summary>
internal sealed class SyntheticRowFormatter
{
    public const string TransactionsHeader = "customer_id,order_id,order_date,amount,product_id";
    public const string CustomersHeader = "customer_id,region,industry,signup_date";
    public const string LatentHeader = "customer_id,lambda,p,nu,expected_spend,alive_at_as_of";
    public const string ClustersHeader = "customer_id,cluster,archetype";

    private readonly DateTable _dates = new();
    private readonly byte[][] _regions = Ascii(SyntheticAttributes.Regions);
    private readonly byte[][] _industries = Ascii(SyntheticAttributes.Industries);
    private readonly int _customerWidth;
    private readonly int _productWidth;

    public SyntheticRowFormatter(SyntheticPlan plan)
    {
        _customerWidth = plan.CustomerIdWidth;
        _productWidth = plan.ProductIdWidth;
    }

    /// <summary><c>C0000001,1,2022-01-01,12.34,P00017</c></summary>
    public void WriteTransaction(AsciiFileWriter writer, in SyntheticTransaction row)
    {
        var span = writer.Reserve(AsciiFileWriter.MaxRowBytes);
        var n = CustomerId(span, row.Customer);
        span[n++] = (byte)',';
        n += AsciiFields.Digits(span[n..], row.OrderId, 1);
        span[n++] = (byte)',';
        n += _dates.Write(span[n..], row.Day);
        span[n++] = (byte)',';
        n += AsciiFields.Cents(span[n..], row.AmountCents);
        span[n++] = (byte)',';
        span[n++] = (byte)'P';
        n += AsciiFields.Digits(span[n..], row.Product + 1L, _productWidth);
        span[n++] = (byte)'\n';
        writer.Advance(n);
    }

    /// <summary><c>C0000001,Guangdong,Retail,2021-11-30</c></summary>
    public void WriteCustomer(AsciiFileWriter writer, SyntheticCustomer customer)
    {
        var span = writer.Reserve(AsciiFileWriter.MaxRowBytes);
        var n = CustomerId(span, customer.Index);
        span[n++] = (byte)',';
        n += AsciiFields.Bytes(span[n..], _regions[customer.Region]);
        span[n++] = (byte)',';
        n += AsciiFields.Bytes(span[n..], _industries[customer.Industry]);
        span[n++] = (byte)',';
        n += _dates.Write(span[n..], customer.SignupDay);
        span[n++] = (byte)'\n';
        writer.Advance(n);
    }

    /// <summary><c>C0000001,0.0123457,0.25,0.31,20.1613,1</c>: λ, p, ν to 6 significant digits, p/ν to 4 decimals.</summary>
    public void WriteLatent(AsciiFileWriter writer, SyntheticCustomer customer)
    {
        var span = writer.Reserve(AsciiFileWriter.MaxRowBytes);
        var n = CustomerId(span, customer.Index);
        n += Number(span[n..], customer.PurchaseRate, "G6");
        n += Number(span[n..], customer.DropoutProbability, "G6");
        n += Number(span[n..], customer.SpendRate, "G6");
        n += Number(span[n..], customer.ExpectedSpend, "F4");
        span[n++] = (byte)',';
        span[n++] = customer.IsAliveAtAsOf ? (byte)'1' : (byte)'0';
        span[n++] = (byte)'\n';
        writer.Advance(n);
    }

    /// <summary><c>C0000001</c> on its own line.</summary>
    public void WriteCustomerId(AsciiFileWriter writer, SyntheticCustomer customer)
    {
        var span = writer.Reserve(AsciiFileWriter.MaxRowBytes);
        var n = CustomerId(span, customer.Index);
        span[n++] = (byte)'\n';
        writer.Advance(n);
    }

    /// <summary><c>C0000001,2,lapsed_one_off</c>: the planted cluster, 1-based, and its archetype.</summary>
    public void WriteCluster(AsciiFileWriter writer, SyntheticCustomer customer)
    {
        var span = writer.Reserve(AsciiFileWriter.MaxRowBytes);
        var n = CustomerId(span, customer.Index);
        span[n++] = (byte)',';
        n += AsciiFields.Digits(span[n..], customer.Cluster + 1L, 1);
        span[n++] = (byte)',';
        n += AsciiFields.Bytes(span[n..], Encoding.ASCII.GetBytes(PlantedClusters.Archetypes[customer.Cluster].Name));
        span[n++] = (byte)'\n';
        writer.Advance(n);
    }

    private int CustomerId(Span<byte> span, int index)
    {
        span[0] = (byte)'C';
        return 1 + AsciiFields.Digits(span[1..], index + 1L, _customerWidth);
    }

    private static int Number(Span<byte> span, double value, string format)
    {
        span[0] = (byte)',';
        if (!value.TryFormat(span[1..], out var written, format, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A latent value did not fit its row buffer.");
        }

        return written + 1;
    }

    private static byte[][] Ascii(IReadOnlyList<string> names) => [.. names.Select(Encoding.ASCII.GetBytes)];
}
