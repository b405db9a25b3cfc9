namespace Segmenta.Data.Synthetic;

/// <summary>Where the generator writes. Only the transaction log is required; a null path skips that file.</summary>
/// <param name="Transactions">Transaction log CSV: <c>customer_id,order_id,order_date,amount,product_id</c>.</param>
/// <param name="Customers">Customer attributes CSV: <c>customer_id,region,industry,signup_date</c>.</param>
/// <param name="Truth">JSON with the true parameters, seed, as-of date and counts.</param>
/// <param name="Latent">
/// Per-customer latent values CSV: <c>customer_id,lambda,p,nu,expected_spend,alive_at_as_of</c> (for parameter-recovery tests).
/// </param>
/// <param name="Clusters">
/// With planted clusters: the true cluster of each customer, <c>customer_id,cluster,archetype</c> (cluster 1 .. K).
/// </param>
public sealed record SyntheticOutputFiles(
    string Transactions,
    string? Customers = null,
    string? Truth = null,
    string? Latent = null,
    string? Clusters = null);
