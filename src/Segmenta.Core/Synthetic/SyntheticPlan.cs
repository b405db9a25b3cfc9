namespace Segmenta.Core.Synthetic;

/// <summary>What a run of the generator will produce, decided from the options before any simulation.</summary>
/// <param name="Customers">Number of customers to simulate.</param>
/// <param name="ExpectedRowsPerCustomer">
/// Expected transactions per customer (first purchase + repeats) under the true parameters, averaged over the
/// uniform first-purchase day.
/// </param>
/// <param name="RowsPerCustomerMethod">How <paramref name="ExpectedRowsPerCustomer"/> was computed: "bgnbd-closed-form" or "pilot-simulation".</param>
/// <param name="CustomerIdWidth">Digits after the "C" of a customer id (7, more for 10 million customers or more).</param>
/// <param name="ProductIdWidth">Digits after the "P" of a product id (5, more for larger catalogues).</param>
public sealed record SyntheticPlan(
    int Customers,
    double ExpectedRowsPerCustomer,
    string RowsPerCustomerMethod,
    int CustomerIdWidth,
    int ProductIdWidth);
