namespace Segmenta.Core.Clv;

/// <summary>A reason to distrust a model fit on the given data, with advice.</summary>
/// <param name="Code">Stable code: "few_repeat_buyers", "horizon_beyond_history", "spend_correlated_with_frequency", "few_spend_customers".</param>
/// <param name="Message">What was found and what to do, for people.</param>
public sealed record ReadinessWarning(string Code, string Message);
