namespace Segmenta.Core.Clv;

/// <summary>
/// One distinct (x, tₓ, T) combination and the (weighted) number of customers who share it: the sufficient
/// statistic of the customer-base models, so a fit costs O(cells), not O(customers).
/// </summary>
/// <param name="Frequency">Repeat transactions (x).</param>
/// <param name="Recency">Time of the last repeat purchase (tₓ); 0 when x = 0.</param>
/// <param name="T">Age (T) at the end of the calibration period.</param>
/// <param name="Count">Number (sum of weights) of customers in the cell.</param>
public readonly record struct HistoryCell(double Frequency, double Recency, double T, double Count);
