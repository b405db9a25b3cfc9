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
        var clusters = new Option<int?>("--clusters") { Description = "Plant K customer groups (2..6) with distinct frequency, spend, recency and tenure (needs --customers); the truth goes to --clusters-out. 植入 K 个客户群。" };
        var clustersOut = new Option<string?>("--clusters-out") { Description = "True cluster per customer (customer_id,cluster,archetype); default <out>_clusters.csv with --clusters." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object to stdout." };
        var affinity = new Option<double>("--product-affinity") { Description = "Share of purchases (0-1) drawn from the customer's industry's preferred product categories (planted segment structure; 0 = none).", DefaultValueFactory = _ => 0 };
        var productsOut = new Option<string?>("--products-out") { Description = "Product attributes CSV (product_id, category)." };
        var profile = new Option<string>("--profile") { Description = "Industry: standard (default), retail, chemicals, pharma or finance: adds cost, attributes, interactions and surveys files.", DefaultValueFactory = _ => "standard" };
        var interactionsOut = new Option<string?>("--interactions-out") { Description = "Interactions CSV of a profile (default: <out>_interactions.csv)." };
        var surveysOut = new Option<string?>("--surveys-out") { Description = "Survey answers CSV of a profile (default: <out>_surveys.csv)." };
        var uplift = new Option<double?>("--campaign-uplift") { Description = "Plant a campaign: treated customers' orders (and revenue) in the window × (1 + u) in expectation (docs/snapshots.md)." };
        var campaignShare = new Option<double>("--campaign-share") { Description = "Share of the customers acquired before the start that the campaign targets.", DefaultValueFactory = _ => 0.5 };
        var controlShare = new Option<double>("--campaign-control-share") { Description = "Share of the targeted customers held out as control.", DefaultValueFactory = _ => 0.5 };
        var campaignStart = new Option<string>("--campaign-start") { Description = "First day of the campaign window.", DefaultValueFactory = _ => "2024-07-01" };
        var campaignWindow = new Option<int>("--campaign-window-days") { Description = "Campaign window in days.", DefaultValueFactory = _ => 60 };
        var campaignOut = new Option<string?>("--campaign-out") { Description = "Treated customers (customer_id), the list to register with segmenta campaign register." };
        var controlOut = new Option<string?>("--campaign-control-out") { Description = "Control customers (customer_id), for segmenta campaign holdout --control." };
        foreach (var o in new Option[] { rows, customers, seed, output, customersOut, truthOut, latentOut, order, json, profile, interactionsOut, surveysOut, uplift, campaignShare, controlShare, campaignStart, campaignWindow, campaignOut, controlOut, clusters, clustersOut, affinity, productsOut }) command.Add(o);
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
                Clusters = parse.GetValue(clusters),
                Profile = parse.GetValue(profile)?.ToLowerInvariant() switch
                {
                    "standard" => SyntheticProfile.Standard,
                    "retail" => SyntheticProfile.Retail,
                    "chemicals" => SyntheticProfile.Chemicals,
                    "pharma" => SyntheticProfile.Pharma,
                    "finance" => SyntheticProfile.Finance,
                    var other => throw new UsageException($"--profile {other}: use retail, chemicals, pharma or finance. / --profile 只能是 retail、chemicals、pharma 或 finance。"),
                },
                Order = parse.GetValue(order)?.ToLowerInvariant() switch
                {
                    "date" => SyntheticOrder.Date,
                    "customer" => SyntheticOrder.Customer,
                    var other => throw new UsageException($"--order {other}: use date or customer."),
                },
                ProductAffinity = parse.GetValue(affinity),
            };
            var outPath = parse.GetRequiredValue(output);
            var clustersPath = parse.GetValue(clustersOut)
                ?? (options.Clusters is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outPath))!, Path.GetFileNameWithoutExtension(outPath) + "_clusters.csv"));
            if (parse.GetValue(uplift) is { } u)
            {
                if (!DateOnly.TryParseExact(parse.GetValue(campaignStart), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var start))
                    throw new UsageException("--campaign-start: write yyyy-MM-dd, e.g. 2024-07-01.");
                options = options with
                {
                    Campaign = new SyntheticCampaign
                    {
                        Uplift = u,
                        TargetShare = parse.GetValue(campaignShare),
                        ControlShare = parse.GetValue(controlShare),
                        Start = start,
                        WindowDays = parse.GetValue(campaignWindow),
                    },
                };
            }
            else if (parse.GetValue(campaignOut) is not null || parse.GetValue(controlOut) is not null)
            {
                throw new UsageException("--campaign-out needs --campaign-uplift (use 0 for a campaign without effect).");
            }
            var files = new SyntheticOutputFiles(parse.GetRequiredValue(output), parse.GetValue(customersOut), parse.GetValue(truthOut), parse.GetValue(latentOut),
                parse.GetValue(interactionsOut), parse.GetValue(surveysOut), parse.GetValue(campaignOut), parse.GetValue(controlOut), clustersPath);
            if (options.Profile != SyntheticProfile.Standard) files = files.ForProfile();
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
                    ["profile"] = options.Profile.ToString().ToLowerInvariant(),
                    ["out"] = files.Transactions,
                    ["customers_out"] = files.Customers,
                    ["interactions_out"] = files.Interactions,
                    ["surveys_out"] = files.Surveys,
                    ["interaction_rows"] = summary.InteractionRows,
                    ["survey_rows"] = summary.SurveyRows,
                    ["clusters"] = options.Clusters,
                    ["clusters_out"] = files.Clusters,
                })).ConfigureAwait(false);
            }
            else
            {
                await context.Out.WriteLineAsync($"wrote {summary.Rows:N0} transactions of {summary.Customers:N0} customers to {files.Transactions}").ConfigureAwait(false);
                if (options.Profile != SyntheticProfile.Standard)
                    await context.Out.WriteLineAsync($"wrote {files.Customers}, {summary.InteractionRows:N0} interactions to {files.Interactions}, {summary.SurveyRows:N0} survey answers to {files.Surveys}").ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
