using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.Schemes;

/// <summary>An output column computed per customer from features (or from columns of an earlier layer).</summary>
/// <param name="Name">Column name in the output, e.g. <c>rfm_r</c> or <c>abc_class</c>.</param>
/// <param name="Expression">How to compute it; compiled to SQL or evaluated in memory.</param>
public sealed record DerivedColumn(string Name, Expr Expression);
