using System.Globalization;

namespace Segmenta.Core.Clv.Internal;

/// <summary>Preconditions shared by the fits; each failure names the model and the cause.</summary>
internal static class DataChecks
{
    public static void RequireRepeatBuyers(string model, HistoryCells cells)
    {
        if (cells.NumberOfCustomers <= 0)
            throw new SegmentaInputException($"{model}: no customers to fit. Provide at least one customer history.");
        if (cells.RepeatBuyers <= 0)
        {
            throw new SegmentaInputException(string.Create(CultureInfo.InvariantCulture,
                $"{model}: none of the {cells.NumberOfCustomers} customers made a repeat purchase (all x = 0), so the purchase rate cannot be estimated. Use a longer calibration period."));
        }
        if (cells.MaxT <= 0)
            throw new SegmentaInputException($"{model}: every customer has age T = 0. Check the as-of date and the time unit.");
    }

    public static double MeanT(HistoryCells cells)
    {
        double s = 0;
        for (var i = 0; i < cells.Length; i++) s += cells.T[i] * cells.Counts[i];
        return s / cells.NumberOfCustomers;
    }
}
