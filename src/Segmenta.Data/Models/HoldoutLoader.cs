using System.Globalization;
using Segmenta.Core;
using Segmenta.Core.Clv.Validation;
using Segmenta.Data.DuckDb;

namespace Segmenta.Data.Models;

/// <summary>Reads holdout purchases and the tracking-plot inputs from the imported transactions (DuckDB SQL).</summary>
public static class HoldoutLoader
{
    /// <summary>
    /// For the customers whose first purchase is on or before <paramref name="calibrationEnd"/> (the calibration
    /// cohort): actual purchase days in (calibration end, holdout end], counted as distinct (customer, order_date);
    /// first-purchase cohorts by day; and repeat purchase days per day up to <paramref name="holdoutEnd"/> (every
    /// distinct purchase day after a customer's first). Customers of <paramref name="calibration"/> that the
    /// transactions do not know get 0.
    /// </summary>
    public static HoldoutData Load(DuckDbEngine engine, CalibrationData calibration, DateOnly calibrationEnd, DateOnly holdoutEnd)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(calibration);
        if (calibration.CustomerIds is null) throw new ArgumentException("Holdout validation needs customer ids.", nameof(calibration));
        if (holdoutEnd <= calibrationEnd)
            throw new SegmentaInputException($"The holdout end {holdoutEnd:yyyy-MM-dd} must be after the calibration end {calibrationEnd:yyyy-MM-dd}.");
        string cal = Literal(calibrationEnd), hold = Literal(holdoutEnd);
        var days = $"""
            WITH days AS (SELECT DISTINCT customer_id, order_date FROM {DuckDbEngine.TransactionsTable} WHERE order_date <= {hold}),
                 firsts AS (SELECT customer_id, min(order_date) AS first_date FROM days GROUP BY customer_id HAVING min(order_date) <= {cal})
            """;

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < calibration.CustomerIds.Count; i++) index[calibration.CustomerIds[i]] = i;
        var actual = new double[calibration.CustomerIds.Count];
        using (var reader = engine.Query($"{days} SELECT d.customer_id, count(*) FROM days d JOIN firsts f USING (customer_id) WHERE d.order_date > {cal} GROUP BY d.customer_id"))
        {
            while (reader.Read())
                if (index.TryGetValue(reader.GetString(0), out var i)) actual[i] = reader.GetInt64(1);
        }

        DateOnly origin;
        using (var reader = engine.Query($"{days} SELECT min(first_date) FROM firsts"))
        {
            reader.Read();
            if (reader.IsDBNull(0)) throw new SegmentaInputException($"No customer made a first purchase on or before the calibration end {calibrationEnd:yyyy-MM-dd}.");
            origin = DateOnly.FromDateTime(reader.GetDateTime(0));
        }
        var lastDay = holdoutEnd.DayNumber - origin.DayNumber;
        var cohorts = new List<FirstPurchaseCohort>();
        using (var reader = engine.Query($"{days} SELECT date_diff('day', {Literal(origin)}, first_date), count(*) FROM firsts GROUP BY 1 ORDER BY 1"))
        {
            while (reader.Read()) cohorts.Add(new FirstPurchaseCohort((int)reader.GetInt64(0), reader.GetInt64(1)));
        }
        var repeats = new double[lastDay + 1];
        using (var reader = engine.Query($"{days} SELECT date_diff('day', {Literal(origin)}, d.order_date), count(*) FROM days d JOIN firsts f USING (customer_id) WHERE d.order_date > f.first_date GROUP BY 1"))
        {
            while (reader.Read()) repeats[(int)reader.GetInt64(0)] = reader.GetInt64(1);
        }
        return new HoldoutData(actual, origin, lastDay, cohorts, repeats);
    }

    private static string Literal(DateOnly date) => "DATE '" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";
}
