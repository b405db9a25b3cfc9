using DuckDB.NET.Data;
using Segmenta.Core.Campaigns;
using Segmenta.Data.Snapshots;

namespace Segmenta.Data.Campaigns;

/// <summary>Evaluates a registered campaign on the store's transactions, optionally per segment of a scheme.</summary>
public static class CampaignEvaluator
{
    /// <summary>
    /// Treated vs control over <paramref name="windowDays"/> days from the start, with the difference-in-differences
    /// readout against the pre-period of the same length (<see cref="CampaignEvaluation"/>). With a scheme, customers
    /// are broken down by their segment in the latest snapshot dated before the start (else the latest snapshot).
    /// </summary>
    public static CampaignReport Evaluate(DuckDBConnection connection, string name, int windowDays, string? scheme = null)
    {
        var campaigns = new CampaignStore(connection);
        var info = campaigns.Require(name);
        IReadOnlyDictionary<string, string>? segments = null;
        if (scheme is not null)
        {
            var store = new SnapshotStore(connection);
            var all = store.List();
            var snapshot = all.Where(h => h.AsOf < info.Start).OrderBy(h => h.AsOf).ThenBy(h => h.Id).LastOrDefault() ?? (all.Count > 0 ? all[^1] : null)
                ?? throw new Core.SegmentaInputException("--scheme needs a snapshot: run segmenta segment first. / 需要先有快照。");
            segments = store.Assignments(snapshot.Id, scheme);
        }
        var outcomes = campaigns.Outcomes(name, windowDays, segments);
        if (info.Control < 2 || info.Treated < 2)
            throw new Core.SegmentaInputException($"campaign \"{name}\" needs at least two treated and two control customers (treated {info.Treated}, control {info.Control}): draw a holdout first (segmenta campaign holdout). / 需要对照组。");
        return new CampaignReport(info, windowDays, scheme, CampaignEvaluation.Evaluate(outcomes));
    }
}
