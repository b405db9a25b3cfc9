using System.Data.Common;
using Segmenta.Core.Customers;
using Segmenta.Core.Pipelines;
using Segmenta.Data.Sql;

namespace Segmenta.Data.Engines;

/// <summary>
/// The per-customer BTYD inputs read back from a feature table (<see cref="Core.Ports.ISegmentationEngine.ReadHistoriesAsync"/>),
/// one query and one row layout for every engine: customer_id, frequency, first_to_last_days, tenure_days,
/// repeat_monetary_mean, and with profit features monetary_total, gross_margin, contact_cost_90d as doubles.
/// </summary>
internal sealed class HistoryRows(bool profit)
{
    private readonly List<string> _ids = [];
    private readonly List<double> _x = [], _tx = [], _t = [], _m = [], _revenue = [], _margin = [], _cost = [];

    /// <summary>The query over <paramref name="features"/>.</summary>
    public static string Select(SqlDialect d, string features, bool profit)
    {
        ArgumentNullException.ThrowIfNull(d);
        var extra = profit
            ? $", {d.ToDouble(FeatureNames.MonetaryTotal)}, {d.ToDouble(FeatureNames.GrossMargin)}, {d.ToDouble(FeatureNames.ContactCost90d)}"
            : "";
        return $"SELECT customer_id, frequency, first_to_last_days, tenure_days, repeat_monetary_mean{extra} FROM {features}";
    }

    /// <summary>Adds the current row of a typed reader (DuckDB, PostgreSQL).</summary>
    public void Add(DbDataReader r)
    {
        ArgumentNullException.ThrowIfNull(r);
        Add(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.IsDBNull(4) ? null : r.GetDouble(4),
            profit ? r.GetDouble(5) : 0, profit && !r.IsDBNull(6) ? r.GetDouble(6) : null, profit && !r.IsDBNull(7) ? r.GetDouble(7) : null);
    }

    /// <summary>The histories in customer-id order (<see cref="HistoryOrder"/>).</summary>
    public CustomerHistories ToHistories() => HistoryOrder.ByCustomerId(new CustomerHistories(_ids, [.. _x], [.. _tx], [.. _t], [.. _m])
    {
        Revenue = profit ? [.. _revenue] : null,
        GrossMargin = profit ? [.. _margin] : null,
        ContactCost90d = profit ? [.. _cost] : null,
    });

    /// <summary>Adds one customer: null for a NULL value (revenue, gross margin and cost are ignored without profit features).</summary>
    public void Add(string id, long x, long tx, long t, double? m, double revenue, double? margin, double? cost)
    {
        _ids.Add(id);
        _x.Add(x);
        _tx.Add(tx);
        _t.Add(t);
        _m.Add(m ?? double.NaN);
        if (!profit) return;
        _revenue.Add(revenue);
        _margin.Add(margin ?? double.NaN);
        _cost.Add(cost ?? 0);
    }
}
