namespace Segmenta.Core.Customers;

/// <summary>
/// Column names of the per-customer feature table (<c>customer_features</c>). Every engine emits exactly
/// these names, output files use them as headers, and scheme rules refer to them.
/// </summary>
/// <remarks>
/// Time conventions (see README "Features"): the as-of date is the last day included in the analysis.
/// <c>recency_days</c> = as-of − last purchase day; <c>tenure_days</c> (T) = as-of − first purchase day;
/// <c>frequency</c> is the BTYD count of repeat purchase <em>days</em> (purchase days − 1);
/// <c>first_to_last_days</c> (tₓ in the BTYD papers) = last purchase day − first purchase day.
/// </remarks>
public static class FeatureNames
{
    /// <summary>The customer's identifier, kept as text (leading zeros matter).</summary>
    public const string CustomerId = "customer_id";
    /// <summary>First purchase date.</summary>
    public const string FirstPurchase = "first_purchase";
    /// <summary>Last purchase date.</summary>
    public const string LastPurchase = "last_purchase";
    /// <summary>Number of orders (distinct order ids, or rows when there is no order id).</summary>
    public const string Orders = "orders";
    /// <summary>Number of distinct purchase days.</summary>
    public const string PurchaseDays = "purchase_days";
    /// <summary>Repeat purchase days (BTYD x): purchase days − 1.</summary>
    public const string Frequency = "frequency";
    /// <summary>Days from the last purchase to the as-of date.</summary>
    public const string RecencyDays = "recency_days";
    /// <summary>Days from the first purchase to the as-of date (BTYD T).</summary>
    public const string TenureDays = "tenure_days";
    /// <summary>Days from the first to the last purchase (BTYD tₓ).</summary>
    public const string FirstToLastDays = "first_to_last_days";
    /// <summary>Total spend (net of returns under the default returns policy).</summary>
    public const string MonetaryTotal = "monetary_total";
    /// <summary>Mean spend per order.</summary>
    public const string MonetaryMean = "monetary_mean";
    /// <summary>Mean spend per repeat purchase day (excludes the first purchase day; null when frequency is 0). The Gamma-Gamma input.</summary>
    public const string RepeatMonetaryMean = "repeat_monetary_mean";
    /// <summary>Mean days between purchase days (null when frequency is 0).</summary>
    public const string MeanGapDays = "mean_gap_days";
    /// <summary>Number of distinct products bought (null when there is no product column).</summary>
    public const string DistinctProducts = "distinct_products";
    /// <summary>Revenue − cost (null when there is no cost column).</summary>
    public const string Margin = "margin";

    /// <summary>RFM recency score (1..n, higher = more recent).</summary>
    public const string RfmR = "rfm_r";
    /// <summary>RFM frequency score (1..n).</summary>
    public const string RfmF = "rfm_f";
    /// <summary>RFM monetary score (1..n).</summary>
    public const string RfmM = "rfm_m";
}
