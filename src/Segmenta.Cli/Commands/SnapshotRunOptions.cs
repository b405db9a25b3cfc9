using System.CommandLine;
using Segmenta.Data.Snapshots;

namespace Segmenta.Cli.Commands;

/// <summary>The snapshot options of <c>segment</c>: skip the snapshot, freeze cut points, evaluate alerts.</summary>
internal sealed class SnapshotRunOptions
{
    public Option<bool> NoSnapshot { get; } = new("--no-snapshot") { Description = "Do not store a snapshot of this run in the store." };
    public Option<long?> FreezeFrom { get; } = new("--freeze-from") { Description = "Use the cut points (quantiles, means, ABC thresholds) of this stored snapshot, so scores stay comparable." };
    public Option<FileInfo?> Alerts { get; } = new("--alerts") { Description = "Alert rules YAML evaluated on the new snapshot against the previous one (writes alerts.json)." };

    public void AddTo(Command command)
    {
        command.Add(NoSnapshot);
        command.Add(FreezeFrom);
        command.Add(Alerts);
    }

    public SnapshotRequest? Build(ParseResult parse)
    {
        if (parse.GetValue(NoSnapshot))
        {
            if (parse.GetValue(Alerts) is not null) throw new UsageException("--alerts needs a snapshot: drop --no-snapshot.");
            return null;
        }
        return new SnapshotRequest { FreezeFrom = parse.GetValue(FreezeFrom), AlertRulesPath = parse.GetValue(Alerts)?.FullName };
    }
}
