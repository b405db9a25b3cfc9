namespace Segmenta.Core.Clv;

/// <summary>One row of <see cref="ModelComparison.Rank"/>.</summary>
/// <param name="Model">Model name.</param>
/// <param name="LogLikelihood">Log-likelihood at the estimate.</param>
/// <param name="ParameterCount">Number of parameters k.</param>
/// <param name="Aic">2k − 2 LL.</param>
/// <param name="Bic">k ln n − 2 LL.</param>
/// <param name="DeltaAic">AIC minus the best (smallest) AIC in the comparison.</param>
public sealed record ModelRanking(string Model, double LogLikelihood, int ParameterCount, double Aic, double Bic, double DeltaAic);
