using Segmenta.Core.Recommendations;
using Segmenta.Data.Import;

namespace Segmenta.Data.Recommendations;

/// <summary>One <c>recommend</c> run.</summary>
public sealed record RecommendationRequest
{
    /// <summary>Transactions to import, or null to use the transactions already in <see cref="Database"/>.</summary>
    public ImportOptions? Transactions { get; init; }

    /// <summary>Optional customer attributes to import (their columns can serve as the segment, e.g. <c>industry</c>).</summary>
    public ImportOptions? Customers { get; init; }

    /// <summary>The DuckDB store (<c>:memory:</c> by default).</summary>
    public string Database { get; init; } = ":memory:";

    /// <summary>Optional product attributes CSV with columns <c>product_id</c> and <c>category</c>.</summary>
    public string? ProductsFile { get; init; }

    /// <summary>
    /// The segmentation: a built-in scheme (<c>rfm</c>, <c>rfm_cn8</c>, <c>abc</c>, <c>value_tier</c>) or a customer
    /// column of the feature table (an attribute such as <c>industry</c> or <c>region</c>).
    /// </summary>
    public required string Scheme { get; init; }

    /// <summary>The last day used (features, segments and purchase history); null = the day after the last transaction.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>N, lift and support thresholds.</summary>
    public RecommendationOptions Options { get; init; } = new();

    /// <summary>When set, also evaluate: segments and history up to this day, hits in the days after it.</summary>
    public DateOnly? SplitDate { get; init; }

    /// <summary>Last day of the evaluation holdout; null = the last transaction day.</summary>
    public DateOnly? HoldoutEnd { get; init; }

    /// <summary>Language of the reason and label columns (<c>zh-CN</c> or <c>en</c>).</summary>
    public string Language { get; init; } = "en";

    /// <summary>Recommendations CSV (customer_id, segment, rank, product_id, score, reason …); null writes none.</summary>
    public string? OutputFile { get; init; }

    /// <summary>Segment × product lift table CSV; null writes none.</summary>
    public string? AffinityFile { get; init; }

    /// <summary>"Customers who bought X also bought Y" CSV; null writes none.</summary>
    public string? AlsoBoughtFile { get; init; }

    /// <summary>Per-customer category mix and preference type CSV; null writes none.</summary>
    public string? PreferencesFile { get; init; }

    /// <summary>Companions per product in the also-bought table.</summary>
    public int AlsoBoughtTop { get; init; } = 5;
}
