using System.CommandLine;
using Segmenta.Data.Snapshots;

namespace Segmenta.Cli.Commands;

/// <summary>The snapshot options of <c>segment</c>: skip the snapshot, freeze cut points, evaluate alerts.</summary>
internal sealed class SnapshotRunOptions
{
    public Option<bool> NoSnapshot { get; } = new("--no-snapshot") { Description = "Do not store a snapshot of this run in the store." };
    public Option<long?> FreezeFrom { get; } = new("--freeze-from") { Description = "Use the cut points (quantiles, means, ABC thresholds) of this stored snapshot, so scores stay comparable." };
    public StabilityOptions Stability { get; } = new();
    public Option<FileInfo?> Alerts { get; } = new("--alerts") { Description = "Alert rules YAML evaluated on the new snapshot against the previous one (writes alerts.json)." };

    public void AddTo(Command command)
    {
        command.Add(NoSnapshot);
        command.Add(FreezeFrom);
        Stability.AddTo(command);
        command.Add(Alerts);
    }

    public SnapshotRequest? Build(ParseResult parse)
    {
        if (parse.GetValue(NoSnapshot))
        {
            if (parse.GetValue(Alerts) is not null) throw new UsageException("--alerts needs a snapshot: drop --no-snapshot.");
            if (Stability.Build(parse) is not null) throw new UsageException("--hysteresis / --min-dwell need snapshots: drop --no-snapshot.");
            return null;
        }
        return new SnapshotRequest
        {
            FreezeFrom = parse.GetValue(FreezeFrom),
            AlertRulesPath = parse.GetValue(Alerts)?.FullName,
            Stability = Stability.Build(parse),
            StableFrom = parse.GetValue(Stability.StableFrom),
        };
    }
}

/// <summary><c>--hysteresis X --min-dwell N --stable-from ID</c> of <c>segment</c> and <c>backfill</c>.</summary>
internal sealed class StabilityOptions
{
    public Option<decimal?> Hysteresis { get; } = new("--hysteresis") { Description = "Keep a customer in her previous segment while moving her measures by at most this share (0.05 = 5 %) would put her back in it." };
    public Option<int?> MinDwell { get; } = new("--min-dwell") { Description = "A customer stays at least this many consecutive snapshots in a segment before she may move again." };
    public Option<long?> StableFrom { get; } = new("--stable-from") { Description = "Reference snapshot for --hysteresis / --min-dwell (default: the latest stored snapshot)." };

    public void AddTo(Command command)
    {
        command.Add(Hysteresis);
        command.Add(MinDwell);
        command.Add(StableFrom);
    }

    /// <summary>The settings, or null when neither flag was given.</summary>
    public Core.Snapshots.StabilitySettings? Build(ParseResult parse)
    {
        var h = parse.GetValue(Hysteresis);
        var d = parse.GetValue(MinDwell);
        if (h is null && d is null) return null;
        var settings = new Core.Snapshots.StabilitySettings(h ?? 0m, d ?? 0);
        if (settings.Problem() is { } problem) throw new UsageException("--hysteresis / --min-dwell: " + problem + ".");
        return settings;
    }
}
