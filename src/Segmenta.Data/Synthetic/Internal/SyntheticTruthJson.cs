using System.Globalization;
using System.Text.Json;
using Segmenta.Core.Synthetic;

namespace Segmenta.Data.Synthetic.Internal;

/// <summary>
/// The truth file: true parameters, seed, calendar and counts, with the field names of the reference
/// <c>gen_transactions.py</c>. It holds no timing and only file names (not directories), so it is reproducible too.
/// </summary>
internal static class SyntheticTruthJson
{
    public static void Write(string path, SyntheticOptions options, SyntheticOutputFiles files, SyntheticSummary summary)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("generator", "Segmenta.Data.Synthetic.SyntheticCsvWriter");
            json.WriteNumber("seed", options.Seed);
            json.WriteString("as_of", Date(SyntheticCalendar.AsOf));
            json.WriteString("window_start", Date(SyntheticCalendar.WindowStart));
            json.WriteStartArray("first_purchase_window");
            json.WriteStringValue(Date(SyntheticCalendar.WindowStart));
            json.WriteStringValue(Date(SyntheticCalendar.ToDate(SyntheticCalendar.FirstPurchaseDays - 1)));
            json.WriteEndArray();
            json.WriteString("time_unit", "week");
            WriteParameters(json, options);
            if (options.Rows is { } rows)
            {
                json.WriteNumber("requested_rows", rows);
            }
            else
            {
                json.WriteNull("requested_rows");
            }

            json.WriteNumber("expected_rows_per_customer", summary.Plan.ExpectedRowsPerCustomer);
            json.WriteString("rows_per_customer_method", summary.Plan.RowsPerCustomerMethod);
            json.WriteNumber("customers", summary.Customers);
            json.WriteNumber("rows", summary.Rows);
            json.WriteNumber("customers_with_repeat", summary.CustomersWithRepeat);
            json.WriteNumber("customers_alive_at_as_of", summary.CustomersAliveAtAsOf);
            json.WriteNumber("total_amount", summary.TotalAmount);
            json.WriteNumber("products", options.Products);
            json.WriteNumber("zipf_s", options.ZipfExponent);
            json.WriteString("order", options.Order == SyntheticOrder.Date ? "date" : "customer");
            json.WriteStartObject("files");
            WriteFileName(json, "transactions", files.Transactions);
            WriteFileName(json, "customers", files.Customers);
            WriteFileName(json, "latent", files.Latent);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private static void WriteParameters(Utf8JsonWriter json, SyntheticOptions options)
    {
        json.WriteStartObject("params");
        json.WriteStartObject("bgnbd");
        json.WriteNumber("r", options.R);
        json.WriteNumber("alpha", options.Alpha);
        json.WriteNumber("a", options.A);
        json.WriteNumber("b", options.B);
        json.WriteEndObject();
        json.WriteStartObject("gamma_gamma");
        json.WriteNumber("p", options.P);
        json.WriteNumber("q", options.Q);
        json.WriteNumber("v", options.V);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteFileName(Utf8JsonWriter json, string name, string? path)
    {
        if (path is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, Path.GetFileName(path));
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
