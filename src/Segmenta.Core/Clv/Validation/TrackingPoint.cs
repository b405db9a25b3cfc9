namespace Segmenta.Core.Clv.Validation;

/// <summary>Cumulative repeat purchases at the end of one week of the tracking plot.</summary>
/// <param name="Week">Week number, 1 = the week that starts on the origin day.</param>
/// <param name="EndDay">Last day of the week as a day offset from the origin (0-based, inclusive).</param>
/// <param name="ActualCumulative">Actual repeat purchases on days 0 … <paramref name="EndDay"/>.</param>
/// <param name="ModelCumulative">Model: Σ over customers of E[X(age)], age = <paramref name="EndDay"/> − first-purchase day.</param>
public readonly record struct TrackingPoint(int Week, int EndDay, double ActualCumulative, double ModelCumulative);
