using Segmenta.Core.Synthetic;
using Segmenta.Data.Synthetic.Internal;

namespace Segmenta.Data.Synthetic;

/// <summary>
/// Writes a synthetic transaction log (and optionally customer attributes, latent values and the truth JSON)
/// from <see cref="TransactionSimulator"/>: the C# port of <c>gen_transactions.py</c>. Same options → byte-identical files.
/// </summary>
/// <example>
/// <code>
/// var summary = SyntheticCsvWriter.Write(new SyntheticOptions { Rows = 1_000_000 }, "medium.csv", "medium_customers.csv", "medium_truth.json");
/// </code>
/// </example>
public static class SyntheticCsvWriter
{
    private const long RowsPerProgressReport = 1 << 20;

    /// <summary>Writes the transaction log and the optional files; returns what was written.</summary>
    /// <param name="options">Size, seed, true parameters, row order.</param>
    /// <param name="transactionsPath">Transaction log CSV (created or overwritten; its folder is created).</param>
    /// <param name="customersPath">Customer attributes CSV, or null.</param>
    /// <param name="truthPath">Truth JSON, or null.</param>
    /// <param name="progress">Receives the fraction done, 0 .. 1.</param>
    /// <exception cref="Core.SegmentaInputException">The options are invalid.</exception>
    public static SyntheticSummary Write(
        SyntheticOptions options,
        string transactionsPath,
        string? customersPath = null,
        string? truthPath = null,
        IProgress<double>? progress = null) =>
        Write(options, new SyntheticOutputFiles(transactionsPath, customersPath, truthPath), progress);

    /// <summary>Writes every file named in <paramref name="files"/>; returns what was written.</summary>
    /// <param name="options">Size, seed, true parameters, row order.</param>
    /// <param name="files">Output paths (created or overwritten; folders are created).</param>
    /// <param name="progress">Receives the fraction done, 0 .. 1.</param>
    /// <param name="cancellationToken">Stops between blocks of customers or rows; files are then incomplete.</param>
    /// <exception cref="Core.SegmentaInputException">The options are invalid.</exception>
    public static SyntheticSummary Write(
        SyntheticOptions options,
        SyntheticOutputFiles files,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentException.ThrowIfNullOrWhiteSpace(files.Transactions);
        if (options.Profile != SyntheticProfile.Standard)
        {
            return ProfileCsvWriter.Write(options, files.ForProfile(), progress, cancellationToken);
        }

        var plan = TransactionSimulator.Plan(options);
        var format = new SyntheticRowFormatter(plan);
        var tally = new Tally();
        // In date order the simulation is the first half of the work and writing the log the second.
        var simulationShare = options.Order == SyntheticOrder.Date ? 0.5 : 1.0;

        using (var transactions = new AsciiFileWriter(files.Transactions))
        using (var customersFile = files.Customers is null ? null : new AsciiFileWriter(files.Customers))
        using (var latentFile = files.Latent is null ? null : new AsciiFileWriter(files.Latent))
        using (var treatedFile = files.CampaignTreated is null ? null : new AsciiFileWriter(files.CampaignTreated))
        using (var controlFile = files.CampaignControl is null ? null : new AsciiFileWriter(files.CampaignControl))
        using (var clustersFile = files.Clusters is null ? null : new AsciiFileWriter(files.Clusters))
        {
            treatedFile?.WriteLine("customer_id");
            controlFile?.WriteLine("customer_id");
            if (clustersFile is not null && options.Clusters is null)
            {
                throw new Core.SegmentaInputException("A clusters truth file needs planted clusters: add --clusters K.");
            }

            clustersFile?.WriteLine(SyntheticRowFormatter.ClustersHeader);
            transactions.WriteLine(SyntheticRowFormatter.TransactionsHeader);
            customersFile?.WriteLine(SyntheticRowFormatter.CustomersHeader);
            latentFile?.WriteLine(SyntheticRowFormatter.LatentHeader);

            var customers = TransactionSimulator.Simulate(options).Select(customer =>
            {
                tally.Add(customer);
                if (customersFile is not null)
                {
                    format.WriteCustomer(customersFile, customer);
                }

                if (latentFile is not null)
                {
                    format.WriteLatent(latentFile, customer);
                }

                var campaignFile = customer.CampaignGroup switch
                {
                    CampaignGroup.Treated => treatedFile,
                    CampaignGroup.Control => controlFile,
                    _ => null,
                };
                if (campaignFile is not null)
                {
                    format.WriteCustomerId(campaignFile, customer);
                }

                if (clustersFile is not null)
                {
                    format.WriteCluster(clustersFile, customer);
                }

                if (tally.Customers % 16_384 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(simulationShare * tally.Customers / plan.Customers);
                }

                return customer;
            });

            long written = 0;
            foreach (var row in TransactionSimulator.Transactions(customers, options.Order))
            {
                format.WriteTransaction(transactions, row);
                if (++written % RowsPerProgressReport == 0 && options.Order == SyntheticOrder.Date)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(simulationShare + ((1 - simulationShare) * written / tally.Rows));
                }
            }
        }

        var summary = new SyntheticSummary(plan, tally.Rows, tally.Customers, tally.WithRepeat, tally.Alive, tally.Cents);
        if (files.Truth is not null)
        {
            SyntheticTruthJson.Write(files.Truth, options, files, summary);
        }

        progress?.Report(1.0);
        return summary;
    }

    private sealed class Tally
    {
        public long Rows { get; private set; }

        public int Customers { get; private set; }

        public int WithRepeat { get; private set; }

        public int Alive { get; private set; }

        public long Cents { get; private set; }

        public void Add(SyntheticCustomer customer)
        {
            Customers++;
            Rows += customer.Purchases.Count;
            WithRepeat += customer.RepeatPurchases > 0 ? 1 : 0;
            Alive += customer.IsAliveAtAsOf ? 1 : 0;
            foreach (var purchase in customer.Purchases)
            {
                Cents += purchase.AmountCents;
            }
        }
    }
}
