namespace Segmenta.Core.Propensity;

/// <summary>The area under the ROC curve of a score against binary outcomes.</summary>
/// <param name="Auc">P(score of a random positive &gt; score of a random negative) + ½ P(tie).</param>
/// <param name="StandardError">Hanley &amp; McNeil (1982) standard error; NaN without both classes.</param>
/// <param name="Positives">Rows with outcome true.</param>
/// <param name="Negatives">Rows with outcome false.</param>
public sealed record AucResult(double Auc, double StandardError, long Positives, long Negatives);
