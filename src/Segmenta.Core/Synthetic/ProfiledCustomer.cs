namespace Segmenta.Core.Synthetic;

/// <summary>A simulated customer with the industry profile's attributes, economics, interactions and survey answers.</summary>
public sealed class ProfiledCustomer
{
    internal ProfiledCustomer(
        SyntheticCustomer customer, IReadOnlyList<string> attributes, double marginRate, double discountProneness,
        int amountFactor, IReadOnlyList<SyntheticInteraction> interactions, IReadOnlyList<SyntheticSurvey> surveys)
    {
        Customer = customer;
        Attributes = attributes;
        MarginRate = marginRate;
        DiscountProneness = discountProneness;
        AmountFactor = amountFactor;
        Interactions = interactions;
        Surveys = surveys;
    }

    /// <summary>The simulated purchases and latent values.</summary>
    public SyntheticCustomer Customer { get; }

    /// <summary>Attribute values in the order of <see cref="ProfileSimulator.AttributeColumns"/>.</summary>
    public IReadOnlyList<string> Attributes { get; }

    /// <summary>The customer's gross margin rate: cost of goods = amount × (1 − rate).</summary>
    public double MarginRate { get; }

    /// <summary>Probability that an order carries a discount (retail; 0 elsewhere).</summary>
    public double DiscountProneness { get; }

    /// <summary>Amounts are the BG/NBD + Gamma-Gamma amounts times this (order sizes of the industry).</summary>
    public int AmountFactor { get; }

    /// <summary>Contacts, in time order.</summary>
    public IReadOnlyList<SyntheticInteraction> Interactions { get; }

    /// <summary>Survey answers, in time order.</summary>
    public IReadOnlyList<SyntheticSurvey> Surveys { get; }
}
