namespace Segmenta.Core.Propensity;

/// <summary>One bin of a calibration table: customers ranked by predicted probability, cut into equal-count groups.</summary>
/// <param name="Bin">1 = lowest predictions.</param>
/// <param name="Customers">Customers in the bin.</param>
/// <param name="MinPredicted">Lowest prediction in the bin.</param>
/// <param name="MaxPredicted">Highest prediction in the bin.</param>
/// <param name="MeanPredicted">Mean predicted probability.</param>
/// <param name="ObservedRate">Share of the bin's customers with the outcome.</param>
public sealed record CalibrationBin(int Bin, int Customers, double MinPredicted, double MaxPredicted, double MeanPredicted, double ObservedRate);
