using Segmenta.Core.Clustering;
using Segmenta.Core.Schemes.Definitions;
using Segmenta.Data.Runs;

namespace Segmenta.Data.Analysis;

/// <summary>What <see cref="ClusteringService.RunAsync"/> does: which store, whether to import and segment first, the k-means settings and outputs.</summary>
public sealed record ClusteringRequest
{
    /// <summary>The DuckDB store holding (or receiving) the segmented customers.</summary>
    public string Database { get; init; } = DuckDb.DuckDbStore.DefaultPath;

    /// <summary>When set, this segmentation (import + features + built-in schemes) runs first, into <see cref="Database"/>.</summary>
    public SegmentationRequest? Segmentation { get; init; }

    /// <summary>Scheme name = the segment column written (default <c>cluster</c>; its label column is <c>&lt;name&gt;_label</c>).</summary>
    public string Scheme { get; init; } = KMeansScheme.DefaultName;

    /// <summary>Features, k or k range, seed, transforms.</summary>
    public KMeansSettings Settings { get; init; } = new();

    /// <summary>Language of the label column (zh-CN or en).</summary>
    public string Language { get; init; } = "en";

    /// <summary>Folder for clusters.csv, cluster_profiles.csv, cluster_k.csv and clusters.json; null writes no files.</summary>
    public string? OutputDirectory { get; init; }
}
