namespace Segmenta.Data.Reporting;

/// <summary>Settings of <see cref="ReportDataBuilder"/>; defaults are named constants.</summary>
public sealed record ReportBuildOptions
{
    /// <summary>Default number of sampled points in the matrix scatter.</summary>
    public const int DefaultScatterSample = 2000;

    /// <summary>Default number of top customers listed in the CLV section.</summary>
    public const int DefaultTopCustomers = 20;

    /// <summary>Default number of points on the Pareto curve.</summary>
    public const int DefaultCurvePoints = 200;

    /// <summary>Points in the matrix scatter (a reservoir sample with a fixed seed, so reports are reproducible).</summary>
    public int ScatterSample { get; init; } = DefaultScatterSample;

    /// <summary>Top customers by CLV.</summary>
    public int TopCustomers { get; init; } = DefaultTopCustomers;

    /// <summary>Points on the Pareto curve.</summary>
    public int CurvePoints { get; init; } = DefaultCurvePoints;

    /// <summary>Schemes shown as stages (crossed with the value scheme) when they ran.</summary>
    public IReadOnlyList<string> StageSchemes { get; init; } = ["lifecycle", "behaviour"];

    /// <summary>The value scheme stages are crossed with.</summary>
    public string ValueScheme { get; init; } = "value_tier";

    /// <summary>Default largest number of segments a scheme may have to get a migration Sankey and matrix.</summary>
    public const int DefaultMaxMigrationSegments = 16;

    /// <summary>The stored snapshot to report on; null = the last run (else the latest snapshot).</summary>
    public long? Snapshot { get; init; }

    /// <summary>The snapshot the migration compares with; null = the one before the shown snapshot (by as-of date).</summary>
    public long? Compare { get; init; }

    /// <summary>Alert rules (YAML) to evaluate on the shown snapshot; null = the alerts kept when it was stored.</summary>
    public string? AlertRules { get; init; }

    /// <summary>Schemes with more segments than this get no migration sub-section (a Sankey of 125 RFM cells reads as noise).</summary>
    public int MaxMigrationSegments { get; init; } = DefaultMaxMigrationSegments;

    /// <summary>Time stamp shown in the report; null = none (keeps output byte-identical between runs).</summary>
    public DateTimeOffset? GeneratedAt { get; init; }
}
