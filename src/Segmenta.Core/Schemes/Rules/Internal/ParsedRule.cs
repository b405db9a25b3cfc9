using Segmenta.Core.Schemes.Expressions;

namespace Segmenta.Core.Schemes.Rules.Internal;

/// <summary>A parsed rule with the 0-based source index of every node the parser created (by reference).</summary>
internal sealed record ParsedRule(string Rule, Expr Expression, IReadOnlyDictionary<Expr, int> Positions);
