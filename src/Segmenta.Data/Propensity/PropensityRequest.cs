using Segmenta.Core.Propensity;
using Segmenta.Data.Import;

namespace Segmenta.Data.Propensity;

/// <summary>One <c>propensity</c> run: where the transactions are, the calibration / holdout dates and the models.</summary>
public sealed record PropensityRequest
{
    /// <summary>Transactions to import, or null to use the transactions already in <see cref="Database"/>.</summary>
    public ImportOptions? Transactions { get; init; }

    /// <summary>The DuckDB store (<c>:memory:</c> by default).</summary>
    public string Database { get; init; } = ":memory:";

    /// <summary>Last day of the calibration period (features are as of this day).</summary>
    public required DateOnly CalibrationEnd { get; init; }

    /// <summary>Last day of the holdout window (inclusive).</summary>
    public required DateOnly HoldoutEnd { get; init; }

    /// <summary>Learners, model choice, split and seed.</summary>
    public PropensityOptions Models { get; init; } = new() { Learners = Learning.PropensityLearners.All };

    /// <summary>Output folder for <c>propensity_scores.csv</c> and <c>propensity_metrics.json</c>; null writes nothing.</summary>
    public string? OutputDirectory { get; init; }
}
