namespace Segmenta.Core.Reporting;

/// <summary>
/// Everything a report shows, as plain numbers and texts: what the HTML report, the Excel workbook and the chart
/// files render. It is filled from a store by a builder (<c>Segmenta.Data.Reporting.ReportDataBuilder</c>) with small
/// aggregates; renderers never query an engine. Optional sections are null (or empty) when their data does not exist
/// and are then left out of every output, so a new feature (clusters, migration, user schemes …) only has to fill
/// its section.
/// </summary>
public sealed record ReportData
{
    /// <summary>The as-of date of the run (the last day included).</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>The engine that computed the run, e.g. <c>duckdb</c>.</summary>
    public required string Engine { get; init; }

    /// <summary>When the report data was built (shown in the report header); supplied by the caller.</summary>
    public DateTimeOffset? GeneratedAt { get; init; }

    /// <summary>Row accounting and data quality.</summary>
    public required DataQualitySection DataQuality { get; init; }

    /// <summary>Customers, revenue and orders of the whole base.</summary>
    public required OverviewSection Overview { get; init; }

    /// <summary>One table per scheme, in run order (built-in and user schemes alike).</summary>
    public IReadOnlyList<SchemeSection> Schemes { get; init; } = [];

    /// <summary>The RFM grid and score distributions; null when RFM did not run.</summary>
    public RfmSection? Rfm { get; init; }

    /// <summary>
    /// Classification matrices (two measures, split lines, cells): one per <c>kind: matrix</c> scheme of the run, or the
    /// default orders × spend matrix split at the means when no matrix scheme ran; empty when there are no customers.
    /// </summary>
    public IReadOnlyList<MatrixSection> Matrices { get; init; } = [];

    /// <summary>The Pareto curve with the ABC cuts; null when ABC did not run.</summary>
    public ParetoSection? Pareto { get; init; }

    /// <summary>Customer lifetime value and model diagnostics; null when no model ran.</summary>
    public ClvSection? Clv { get; init; }

    /// <summary>Lifecycle / behaviour stage tables (stage sizes and stage × value); empty when no such scheme ran.</summary>
    public IReadOnlyList<CrossTabSection> Stages { get; init; } = [];

    /// <summary>Cluster profiles and the tree explainer's rules; null when clustering did not run.</summary>
    public ClusterSection? Clusters { get; init; }

    /// <summary>Movement between two snapshots, one entry per scheme both hold; empty with fewer than two snapshots.</summary>
    public IReadOnlyList<MigrationSection> Migrations { get; init; } = [];

    /// <summary>The stored snapshot the report shows (null: the store's last run, which was not snapshotted).</summary>
    public long? SnapshotId { get; init; }

    /// <summary>Things to act on now (e.g. many champions turned at-risk); empty when there are none.</summary>
    public IReadOnlyList<ReportAlert> Alerts { get; init; } = [];

    /// <summary>Every customer with every segment (the workbook's customer sheet); null to leave the sheet out.</summary>
    public CustomerTable? Customers { get; init; }
}
