namespace Segmenta.Core.Synthetic;

/// <summary>
/// The industry a synthetic data set imitates (<c>segmenta generate --profile</c>). <see cref="Standard"/> is the plain
/// BG/NBD + Gamma-Gamma log; the others scale the same purchases to the industry's order sizes and add a cost of goods,
/// industry attributes, interactions and survey answers (docs/generator.md, "Profiles").
/// </summary>
public enum SyntheticProfile
{
    /// <summary>Transactions and the region/industry customers file only (the benchmark data).</summary>
    Standard = 0,

    /// <summary>A shop: channel 线上/门店, member level, discounted orders, service calls and emails, needs in surveys.</summary>
    Retail,

    /// <summary>A B2B chemicals supplier: industries 涂料/塑料 …, contract amount, years of cooperation, annual capacity, sales visits.</summary>
    Chemicals,

    /// <summary>A pharma company selling to hospitals: hospital level 三级甲等 …, beds, departments, drug budget, rep visits.</summary>
    Pharma,

    /// <summary>A bank or wealth manager: risk score 0–1000, product holdings, assets under management.</summary>
    Finance,
}
