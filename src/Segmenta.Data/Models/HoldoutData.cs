using Segmenta.Core.Clv.Validation;

namespace Segmenta.Data.Models;

/// <summary>What holdout validation needs from the transactions, aligned with a <see cref="CalibrationData"/>.</summary>
/// <param name="Actual">Actual purchase days in (calibration end, holdout end] per customer, in the calibration data's order.</param>
/// <param name="Origin">Day 0 of the tracking plot: the first purchase day of the calibration cohort.</param>
/// <param name="LastDay">The holdout end as a day offset from <paramref name="Origin"/>.</param>
/// <param name="Cohorts">Customers by first-purchase day (offset from <paramref name="Origin"/>).</param>
/// <param name="RepeatsByDay">Repeat purchase days (after each customer's first day) per day offset, up to the holdout end.</param>
public sealed record HoldoutData(double[] Actual, DateOnly Origin, int LastDay, IReadOnlyList<FirstPurchaseCohort> Cohorts, double[] RepeatsByDay);
