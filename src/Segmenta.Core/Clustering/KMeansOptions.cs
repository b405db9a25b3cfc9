namespace Segmenta.Core.Clustering;

/// <summary>Settings of <see cref="KMeans"/>: the k range, restarts, iterations, seed, sampling and parallelism.</summary>
public sealed record KMeansOptions
{
    /// <summary>Default smallest k tried.</summary>
    public const int DefaultMinK = 2;

    /// <summary>Default largest k tried.</summary>
    public const int DefaultMaxK = 10;

    /// <summary>Default number of k-means++ restarts per k (the best inertia is kept).</summary>
    public const int DefaultRestarts = 4;

    /// <summary>Default cap on Lloyd iterations per fit.</summary>
    public const int DefaultMaxIterations = 100;

    /// <summary>Default convergence tolerance: stop when the summed squared centroid shift is below this × the mean feature variance.</summary>
    public const double DefaultTolerance = 1e-4;

    /// <summary>Default seed.</summary>
    public const long DefaultSeed = 42;

    /// <summary>Default size of the seeded sample the restarts run on when there are more points.</summary>
    public const int DefaultFitSampleSize = 100_000;

    /// <summary>Default size of the seeded sample the silhouette is computed on.</summary>
    public const int DefaultSilhouetteSampleSize = 5_000;

    /// <summary>Default degree of parallelism (the project's target machine has 2 cores).</summary>
    public const int DefaultMaxDegreeOfParallelism = 2;

    /// <summary>The default options (k chosen over 2..10).</summary>
    public static KMeansOptions Default { get; } = new();

    /// <summary>Smallest k tried (≥ 2 when k is chosen by silhouette; 1 allowed only when MinK = MaxK = 1).</summary>
    public int MinK { get; init; } = DefaultMinK;

    /// <summary>Largest k tried; set MinK = MaxK for a fixed k.</summary>
    public int MaxK { get; init; } = DefaultMaxK;

    /// <summary>k-means++ restarts per k; the fit with the lowest inertia is kept.</summary>
    public int Restarts { get; init; } = DefaultRestarts;

    /// <summary>Cap on Lloyd iterations per fit.</summary>
    public int MaxIterations { get; init; } = DefaultMaxIterations;

    /// <summary>Relative convergence tolerance on the squared centroid shift.</summary>
    public double Tolerance { get; init; } = DefaultTolerance;

    /// <summary>Seed of every random draw (initialisation and samples).</summary>
    public long Seed { get; init; } = DefaultSeed;

    /// <summary>
    /// Above this many points the restarts run on a seeded sample of this size, and the best fit is then refined by
    /// Lloyd iterations on all points.
    /// </summary>
    public int FitSampleSize { get; init; } = DefaultFitSampleSize;

    /// <summary>Size of the seeded sample the silhouette is computed on (it costs O(m²)).</summary>
    public int SilhouetteSampleSize { get; init; } = DefaultSilhouetteSampleSize;

    /// <summary>Threads used; results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = DefaultMaxDegreeOfParallelism;

    /// <summary>Options for a fixed k.</summary>
    public static KMeansOptions FixedK(int k) => new() { MinK = k, MaxK = k };

    /// <summary>Lists every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MinK < 1 || MaxK < MinK) problems.Add($"The k range {MinK}..{MaxK} is empty or starts below 1.");
        if (MinK == 1 && MaxK > 1) problems.Add("Choosing k needs k ≥ 2 (the silhouette is undefined for one cluster).");
        if (Restarts < 1) problems.Add("Restarts must be at least 1.");
        if (MaxIterations < 1) problems.Add("MaxIterations must be at least 1.");
        if (!(Tolerance >= 0)) problems.Add("Tolerance must be ≥ 0.");
        if (FitSampleSize < 100) problems.Add("FitSampleSize must be at least 100.");
        if (SilhouetteSampleSize < 10) problems.Add("SilhouetteSampleSize must be at least 10.");
        if (MaxDegreeOfParallelism < 1) problems.Add("MaxDegreeOfParallelism must be at least 1.");
        return problems;
    }
}
