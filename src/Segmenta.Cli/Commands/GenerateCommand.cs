using System.CommandLine;
using System.Text.Json.Nodes;
using Segmenta.Core.Synthetic;
using Segmenta.Data.Runs;
using Segmenta.Data.Synthetic;

namespace Segmenta.Cli.Commands;

/// <summary><c>segmenta generate</c>: seeded synthetic transactions from the BG/NBD + Gamma-Gamma process (docs/generator.md).</summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("generate", "Write synthetic transactions (and customer attributes) from the BG/NBD + Gamma-Gamma process, seeded and reproducible.");
        var rows = new Option<long?>("--rows") { Description = "Target number of transactions (the customer count is chosen to give about this many)." };
        var customers = new Option<int?>("--customers") { Description = "Number of customers (instead of --rows)." };
        var seed = new Option<long>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => SyntheticOptions.DefaultSeed };
        var output = new Option<string>("--out", "-o") { Description = "Transactions CSV to write.", Required = true };
        var customersOut = new Option<string?>("--customers-out") { Description = "Customer attributes CSV (customer_id, region, industry, signup_date)." };
        var truthOut = new Option<string?>("--truth-out") { Description = "JSON with the true parameters and run facts." };
        var latentOut = new Option<string?>("--latent-out") { Description = "Per-customer true purchase rate, dropout probability, spend scale and alive flag." };
        var order = new Option<string>("--order") { Description = "date (whole log sorted by date) or customer (grouped by customer, streaming).", DefaultValueFactory = _ => "date" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object to stdout." };
        var affinity = new Option<double>("--product-affinity") { Description = "Share of purchases (0-1) drawn from the customer's industry's preferred product categories (planted segment structure; 0 = none).", DefaultValueFactory = _ => 0 };
        var productsOut = new Option<string?>("--products-out") { Description = "Product attributes CSV (product_id, category)." };
        foreach (var o in new Option[] { rows, customers, seed, output, customersOut, truthOut, latentOut, order, json, affinity, productsOut }) command.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var r = parse.GetValue(rows);
            var c = parse.GetValue(customers);
            if (r is null == c is null) throw new UsageException("give exactly one of --rows N or --customers N.");
            var options = new SyntheticOptions
            {
                Rows = r,
                Customers = c,
                Seed = parse.GetValue(seed),
                Order = parse.GetValue(order)?.ToLowerInvariant() switch
                {
                    "date" => SyntheticOrder.Date,
                    "customer" => SyntheticOrder.Customer,
                    var other => throw new UsageException($"--order {other}: use date or customer."),
                },
                ProductAffinity = parse.GetValue(affinity),
            };
            var files = new SyntheticOutputFiles(parse.GetRequiredValue(output), parse.GetValue(customersOut), parse.GetValue(truthOut), parse.GetValue(latentOut));
            var summary = SyntheticCsvWriter.Write(options, files, null, ct);
            if (parse.GetValue(productsOut) is { } products) SyntheticProductsFile.Write(options, products);
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(RunSummary.Print(new JsonObject
                {
                    ["rows"] = summary.Rows,
                    ["customers"] = summary.Customers,
                    ["customers_with_repeat"] = summary.CustomersWithRepeat,
                    ["customers_alive_at_as_of"] = summary.CustomersAliveAtAsOf,
                    ["seed"] = options.Seed,
                    ["out"] = files.Transactions,
                })).ConfigureAwait(false);
            }
            else
            {
                await context.Out.WriteLineAsync($"wrote {summary.Rows:N0} transactions of {summary.Customers:N0} customers to {files.Transactions}").ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
