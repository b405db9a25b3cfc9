using System.Globalization;

namespace Segmenta.Core.Synthetic;

/// <summary>
/// Settings of the synthetic transaction generator: size, seed, the true BG/NBD and Gamma-Gamma parameters
/// (defaults: the published CDNOW estimates), the product catalogue and the row order.
/// Set exactly one of <see cref="Rows"/> and <see cref="Customers"/>.
/// </summary>
/// <remarks>
/// Same options (including the seed) give the same customers and transactions on every run, machine and
/// thread count. Purchase process: Fader, Hardie &amp; Lee (2005), "Counting Your Customers the Easy Way",
/// Marketing Science 24(2); spend: Fader, Hardie &amp; Lee (2005), JMR 42(4), and Fader &amp; Hardie (2013).
/// </remarks>
public sealed record SyntheticOptions
{
    /// <summary>Default seed of the standard benchmark sizes.</summary>
    public const long DefaultSeed = 42;

    /// <summary>Default BG/NBD shape (r) of the purchase-rate Gamma.</summary>
    public const double DefaultR = 0.243;

    /// <summary>Default BG/NBD rate (α) of the purchase-rate Gamma, in weeks.</summary>
    public const double DefaultAlpha = 4.414;

    /// <summary>Default BG/NBD dropout Beta shape (a).</summary>
    public const double DefaultA = 0.793;

    /// <summary>Default BG/NBD dropout Beta shape (b).</summary>
    public const double DefaultB = 2.426;

    /// <summary>Default Gamma-Gamma shape (p) of the spend per transaction.</summary>
    public const double DefaultP = 6.25;

    /// <summary>Default Gamma-Gamma shape (q) of the spend-rate prior.</summary>
    public const double DefaultQ = 3.74;

    /// <summary>Default Gamma-Gamma rate (v) of the spend-rate prior.</summary>
    public const double DefaultV = 15.44;

    /// <summary>Default catalogue size (P00001 .. P02000).</summary>
    public const int DefaultProducts = 2000;

    /// <summary>Default Zipf exponent (s) of product popularity: weight of rank k is k^−s.</summary>
    public const double DefaultZipfExponent = 1.07;

    /// <summary>
    /// Target number of transaction rows. The number of customers is chosen so the expected row count equals it
    /// (see <see cref="TransactionSimulator.Plan"/>); the realised count differs by sampling noise (well under 1 % from 100 000 rows).
    /// </summary>
    public long? Rows { get; init; }

    /// <summary>Exact number of customers to simulate.</summary>
    public int? Customers { get; init; }

    /// <summary>Seed of every random draw.</summary>
    public long Seed { get; init; } = DefaultSeed;

    /// <summary>BG/NBD shape (r): purchase rate per week λ ~ Gamma(shape r, rate α).</summary>
    public double R { get; init; } = DefaultR;

    /// <summary>BG/NBD rate (α) of the purchase-rate Gamma, in weeks.</summary>
    public double Alpha { get; init; } = DefaultAlpha;

    /// <summary>BG/NBD shape (a): dropout probability after each repeat purchase p ~ Beta(a, b).</summary>
    public double A { get; init; } = DefaultA;

    /// <summary>BG/NBD shape (b) of the dropout Beta.</summary>
    public double B { get; init; } = DefaultB;

    /// <summary>Gamma-Gamma shape (p): spend per transaction z ~ Gamma(shape p, rate ν).</summary>
    public double P { get; init; } = DefaultP;

    /// <summary>Gamma-Gamma shape (q): spend rate ν ~ Gamma(shape q, rate v).</summary>
    public double Q { get; init; } = DefaultQ;

    /// <summary>Gamma-Gamma rate (v) of the spend-rate prior.</summary>
    public double V { get; init; } = DefaultV;

    /// <summary>The industry the data imitates; <see cref="SyntheticProfile.Standard"/> = the plain benchmark log.</summary>
    public SyntheticProfile Profile { get; init; } = SyntheticProfile.Standard;

    /// <summary>
    /// Share of purchases (0 … 1) whose product comes from the customer's industry's preferred categories
    /// (<see cref="SyntheticProducts.PreferredCategories"/>) instead of the whole catalogue: planted segment structure
    /// for recommendation tests. 0 (the default) leaves the output identical to earlier versions.
    /// </summary>
    public double ProductAffinity { get; init; }

    /// <summary>Row order of the transaction log.</summary>
    public SyntheticOrder Order { get; init; } = SyntheticOrder.Date;

    /// <summary>Catalogue size: product ids P00001 .. (at least five digits).</summary>
    public int Products { get; init; } = DefaultProducts;

    /// <summary>Zipf exponent (s ≥ 0) of product popularity; 0 makes every product equally likely.</summary>
    public double ZipfExponent { get; init; } = DefaultZipfExponent;

    /// <summary>A planted campaign effect (see <see cref="SyntheticCampaign"/>); null = none (the default, same files as before).</summary>
    public SyntheticCampaign? Campaign { get; init; }

    /// <summary>
    /// Planted clusters: null (default) simulates the BG/NBD + Gamma-Gamma population; K (2 .. 6) instead draws each
    /// customer's group uniformly from the first K <see cref="PlantedClusters.Archetypes"/> and simulates it from that
    /// group's behaviour (<see cref="SyntheticCustomer.Cluster"/> holds the truth).
    /// </summary>
    public int? Clusters { get; init; }

    /// <summary>Lists every problem with these options (empty when they are valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Rows is null == Customers is null)
        {
            problems.Add("Set exactly one of --rows and --customers.");
        }

        if (Rows is < 1)
        {
            problems.Add(Invariant($"--rows must be at least 1 (got {Rows})."));
        }

        if (Customers is < 1)
        {
            problems.Add(Invariant($"--customers must be at least 1 (got {Customers})."));
        }

        CheckPositive(problems, "r", R);
        CheckPositive(problems, "alpha", Alpha);
        CheckPositive(problems, "a", A);
        CheckPositive(problems, "b", B);
        CheckPositive(problems, "p", P);
        CheckPositive(problems, "q", Q);
        CheckPositive(problems, "v", V);
        if (Products < 1)
        {
            problems.Add(Invariant($"--products must be at least 1 (got {Products})."));
        }

        if (!(ZipfExponent >= 0 && double.IsFinite(ZipfExponent)))
        {
            problems.Add(Invariant($"--zipf-s must be a finite number ≥ 0 (got {ZipfExponent})."));
        }

        if (!Enum.IsDefined(Profile))
        {
            problems.Add(Invariant($"--profile must be retail, chemicals, pharma or finance (got {Profile})."));
        }

        if (Campaign is not null)
        {
            problems.AddRange(Campaign.Validate());
        }

        if (Clusters is { } k && (k < 2 || k > PlantedClusters.MaxClusters))
        {
            problems.Add(Invariant($"--clusters must be between 2 and {PlantedClusters.MaxClusters} (got {k})."));
        }

        if (Clusters is not null && Customers is null)
        {
            problems.Add("--clusters needs --customers N (the row target assumes the BG/NBD population).");
        }

        if (!(ProductAffinity is >= 0 and <= 1))
        {
            problems.Add(Invariant($"--product-affinity must lie between 0 and 1 (got {ProductAffinity})."));
        }

        if (!Enum.IsDefined(Order))
        {
            problems.Add(Invariant($"--order must be date or customer (got {Order})."));
        }

        return problems;
    }

    private static void CheckPositive(List<string> problems, string name, double value)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            problems.Add(Invariant($"Parameter {name} must be a finite number > 0 (got {value})."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
