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

    /// <summary>
    /// Share of the customer's orders with a discount &gt; 0 (0–1); null when the transactions have no discount column.
    /// Computed only when they have one.
    /// </summary>
    public const string DiscountShare = "discount_share";

    /// <summary>Interactions (any type) in the 90 days ending on the as-of date (as-of − 89 … as-of); 0 when none.</summary>
    public const string Contacts90d = "contacts_90d";
    /// <summary>Visits in the 90 days ending on the as-of date; 0 when none.</summary>
    public const string Visits90d = "visits_90d";
    /// <summary>Calls in the 90 days ending on the as-of date; 0 when none.</summary>
    public const string Calls90d = "calls_90d";
    /// <summary>Interactions (any type) in the 30 days ending on the as-of date; 0 when none.</summary>
    public const string Contacts30d = "contacts_30d";
    /// <summary>Days from the last interaction on or before the as-of date to the as-of date; null when none.</summary>
    public const string LastContactDays = "last_contact_days";
    /// <summary>Recorded interaction costs in the 90 days ending on the as-of date; 0 when none.</summary>
    public const string ContactCost90d = "contact_cost_90d";
    /// <summary>Recorded interaction costs up to the as-of date; 0 when none.</summary>
    public const string ContactCostTotal = "contact_cost_total";

    /// <summary>The latest NPS answer (0–10) on or before the as-of date; null when none.</summary>
    public const string Nps = "nps";
    /// <summary>promoter (NPS 9–10), passive (7–8) or detractor (0–6), from <see cref="Nps"/> (Reichheld 2003); null when none.</summary>
    public const string NpsGroup = "nps_group";
    /// <summary>Mean CSAT answer (1–5) on or before the as-of date; null when none.</summary>
    public const string Csat = "csat";
    /// <summary>The latest non-empty stated need on or before the as-of date; null when none.</summary>
    public const string SurveyNeed = "survey_need";

    /// <summary>Revenue − cost of goods: <see cref="Margin"/> when the customer has a recorded cost, else revenue × the margin rate.</summary>
    public const string GrossMargin = "gross_margin";
    /// <summary>Interaction costs up to the as-of date, an interaction without a recorded cost counted at its type's unit cost.</summary>
    public const string CostToServe = "cost_to_serve";
    /// <summary><see cref="GrossMargin"/> − <see cref="CostToServe"/>.</summary>
    public const string Profit = "profit";

    /// <summary>The interaction features, in table order (present when interactions were imported).</summary>
    public static IReadOnlyList<string> InteractionFeatures { get; } =
        [Contacts90d, Visits90d, Calls90d, Contacts30d, LastContactDays, ContactCost90d, ContactCostTotal];

    /// <summary>The survey features, in table order (present when surveys were imported).</summary>
    public static IReadOnlyList<string> SurveyFeatures { get; } = [Nps, NpsGroup, Csat, SurveyNeed];

    /// <summary>The profitability features, in table order (present when interactions, a cost column or a margin rate are known).</summary>
    public static IReadOnlyList<string> ProfitFeatures { get; } = [GrossMargin, CostToServe, Profit];

    /// <summary>RFM recency score (1..n, higher = more recent).</summary>
    public const string RfmR = "rfm_r";
    /// <summary>RFM frequency score (1..n).</summary>
    public const string RfmF = "rfm_f";
    /// <summary>RFM monetary score (1..n).</summary>
    public const string RfmM = "rfm_m";
}
