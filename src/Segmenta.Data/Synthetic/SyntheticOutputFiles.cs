namespace Segmenta.Data.Synthetic;

/// <summary>Where the generator writes. Only the transaction log is required; a null path skips that file.</summary>
/// <param name="Transactions">Transaction log CSV: <c>customer_id,order_id,order_date,amount,product_id</c>.</param>
/// <param name="Customers">Customer attributes CSV: <c>customer_id,region,industry,signup_date</c>.</param>
/// <param name="Truth">JSON with the true parameters, seed, as-of date and counts.</param>
/// <param name="Latent">
/// Per-customer latent values CSV: <c>customer_id,lambda,p,nu,expected_spend,alive_at_as_of</c> (for parameter-recovery tests).
/// </param>
/// <param name="Interactions">Interactions CSV of an industry profile (null: next to the transactions, <c>&lt;name&gt;_interactions.csv</c>).</param>
/// <param name="Surveys">Survey answers CSV of an industry profile (null: <c>&lt;name&gt;_surveys.csv</c>).</param>
/// <param name="CampaignTreated">With a planted campaign: the treated customers (<c>customer_id</c>), the list to register.</param>
/// <param name="CampaignControl">With a planted campaign: the control customers (<c>customer_id</c>).</param>
/// <param name="Clusters">
/// With planted clusters: the true cluster of each customer, <c>customer_id,cluster,archetype</c> (cluster 1 .. K).
/// </param>
public sealed record SyntheticOutputFiles(
    string Transactions,
    string? Customers = null,
    string? Truth = null,
    string? Latent = null,
    string? Interactions = null,
    string? Surveys = null,
    string? CampaignTreated = null,
    string? CampaignControl = null,
    string? Clusters = null)
{
    /// <summary>
    /// The files of an industry profile: every one is written, so a missing path is named after the transactions file
    /// (<c>orders.csv</c> → <c>orders_customers.csv</c>, <c>orders_interactions.csv</c>, <c>orders_surveys.csv</c>).
    /// </summary>
    public SyntheticOutputFiles ForProfile()
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(Transactions))!;
        var stem = Path.GetFileNameWithoutExtension(Transactions);
        string Next(string suffix) => Path.Combine(dir, $"{stem}_{suffix}.csv");
        return this with
        {
            Customers = Customers ?? Next("customers"),
            Interactions = Interactions ?? Next("interactions"),
            Surveys = Surveys ?? Next("surveys"),
        };
    }
}
