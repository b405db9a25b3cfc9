using Segmenta.Core.Propensity;

namespace Segmenta.Core.Ports;

/// <summary>
/// What propensity models need from an engine besides <see cref="ISegmentationEngine"/>: customer features as of
/// any date and the purchases in a later window, both computed as SQL inside the engine.
/// </summary>
public interface IPropensitySource
{
    /// <summary>Features of every customer who bought on or before <paramref name="asOf"/>, as of that day (the run's feature table is left alone).</summary>
    Task<CustomerSnapshot> SnapshotAsync(DateOnly asOf, CancellationToken cancellationToken);

    /// <summary>Purchase days and revenue per customer in (<paramref name="after"/>, <paramref name="through"/>].</summary>
    Task<WindowActivity> ActivityAsync(DateOnly after, DateOnly through, CancellationToken cancellationToken);
}
