namespace Segmenta.Core.Clv;

/// <summary>
/// A fitted model of repeat transactions in continuous time (BG/NBD, MBG/NBD, Pareto/NBD). All times are in the unit
/// the model was fitted in.
/// </summary>
public interface ITransactionModel
{
    /// <summary>The fit that produced the model (null when the parameters were given directly).</summary>
    ModelFit? Fit { get; }

    /// <summary>Expected repeat transactions in (0, t] for a customer who has just made a first purchase (x = 0, tₓ = 0, T = 0).</summary>
    double ExpectedPurchases(double t);

    /// <summary>Expected transactions in (T, T + t] for a customer with history (x, tₓ, T).</summary>
    double ExpectedPurchases(double t, double frequency, double recency, double age);

    /// <summary>Probability that a customer with history (x, tₓ, T) is still active at T.</summary>
    double ProbabilityAlive(double frequency, double recency, double age);

    /// <summary>Probability of exactly k repeat transactions in (0, t] for a customer who has just made a first purchase.</summary>
    double ProbabilityOfPurchases(double t, int k);

    /// <summary>Probability of exactly k transactions in (T, T + t] for a customer with history (x, tₓ, T).</summary>
    double ProbabilityOfPurchases(double t, int k, double frequency, double recency, double age);
}
