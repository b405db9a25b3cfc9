namespace Segmenta.Core.Reporting;

/// <summary>
/// Customer lifetime value: its distribution, the top customers, P(alive) and expected purchases by frequency ×
/// recency (the plots of Fader, Hardie &amp; Lee 2005 and the Python <c>lifetimes</c> package), and, when a holdout
/// validation ran, calibration-vs-holdout and tracking data.
/// </summary>
/// <param name="HorizonMonths">The CLV horizon in months.</param>
/// <param name="Distribution">CLV histogram.</param>
/// <param name="TopCustomers">The most valuable customers, highest CLV first.</param>
/// <param name="AliveGrid">Mean P(alive) per (frequency, recency) cell.</param>
/// <param name="PurchasesGrid">Mean expected purchases over the horizon per (frequency, recency) cell.</param>
public sealed record ClvSection(
    int HorizonMonths,
    IReadOnlyList<HistogramBin> Distribution,
    IReadOnlyList<TopCustomer> TopCustomers,
    ValueGrid AliveGrid,
    ValueGrid PurchasesGrid)
{
    /// <summary>Total predicted CLV of all customers.</summary>
    public double TotalClv { get; init; }

    /// <summary>Customers with P(alive) below 0.5.</summary>
    public long LikelyInactive { get; init; }

    /// <summary>The fitted models: name → parameter → value (papers' names).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Models { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, double>>();

    /// <summary>Actual vs predicted holdout purchases by calibration frequency; null when no holdout validation ran.</summary>
    public IReadOnlyList<CalibrationRow>? CalibrationVsHoldout { get; init; }

    /// <summary>Cumulative actual vs predicted repeat purchases per period; null when no holdout validation ran.</summary>
    public IReadOnlyList<TrackingRow>? Tracking { get; init; }
}

/// <summary>A histogram bin [Lower, Upper).</summary>
/// <param name="Lower">Lower edge.</param>
/// <param name="Upper">Upper edge.</param>
/// <param name="Count">Customers.</param>
public sealed record HistogramBin(double Lower, double Upper, long Count);

/// <summary>A high-value customer.</summary>
/// <param name="CustomerId">Customer id (shown escaped; may contain anything).</param>
/// <param name="Clv">Predicted CLV over the horizon.</param>
/// <param name="PAlive">P(alive).</param>
/// <param name="ExpectedPurchases">Expected purchases over the horizon.</param>
/// <param name="MonetaryTotal">Spend so far.</param>
public sealed record TopCustomer(string CustomerId, double Clv, double PAlive, double ExpectedPurchases, double MonetaryTotal);

/// <summary>A matrix of mean values over two binned measures (rows × columns); NaN = no customers.</summary>
/// <param name="RowMeasure">Measure on the rows, e.g. <c>frequency</c>.</param>
/// <param name="ColumnMeasure">Measure on the columns, e.g. <c>first_to_last_days</c>.</param>
/// <param name="RowLabels">Row bin labels (numbers or ranges, language-neutral).</param>
/// <param name="ColumnLabels">Column bin labels.</param>
/// <param name="Values">Values[row][column].</param>
/// <param name="Counts">Customers per cell.</param>
public sealed record ValueGrid(
    string RowMeasure,
    string ColumnMeasure,
    IReadOnlyList<string> RowLabels,
    IReadOnlyList<string> ColumnLabels,
    IReadOnlyList<IReadOnlyList<double>> Values,
    IReadOnlyList<IReadOnlyList<long>> Counts);

/// <summary>Holdout purchases by calibration-period frequency.</summary>
/// <param name="Frequency">Calibration repeat purchases (the last bin may mean "or more").</param>
/// <param name="Customers">Customers.</param>
/// <param name="Actual">Mean actual holdout purchases.</param>
/// <param name="Predicted">Mean predicted holdout purchases.</param>
public sealed record CalibrationRow(int Frequency, long Customers, double Actual, double Predicted);

/// <summary>Cumulative repeat purchases at the end of one period.</summary>
/// <param name="Period">Period number (e.g. week).</param>
/// <param name="Actual">Actual cumulative repeat purchases.</param>
/// <param name="Predicted">Model's cumulative repeat purchases.</param>
public sealed record TrackingRow(int Period, double Actual, double Predicted);
