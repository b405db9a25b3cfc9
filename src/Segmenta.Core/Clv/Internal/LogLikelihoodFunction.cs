namespace Segmenta.Core.Clv.Internal;

/// <summary>
/// A total log-likelihood and its gradient with respect to the natural parameters p (all &gt; 0).
/// Writes ∂LL/∂pᵢ into <paramref name="gradient"/> (same length as <paramref name="parameters"/>) and returns LL.
/// </summary>
internal delegate double LogLikelihoodFunction(ReadOnlySpan<double> parameters, Span<double> gradient);
