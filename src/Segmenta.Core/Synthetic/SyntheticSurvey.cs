namespace Segmenta.Core.Synthetic;

/// <summary>One simulated survey answer: at least one of the three answers is present.</summary>
/// <param name="Day">Day counted from <see cref="SyntheticCalendar.WindowStart"/>.</param>
/// <param name="Nps">Likelihood to recommend, 0–10, or null.</param>
/// <param name="Csat">Satisfaction, 1–5, or null.</param>
/// <param name="Need">The stated need (e.g. 价格), or null.</param>
public readonly record struct SyntheticSurvey(int Day, int? Nps, int? Csat, string? Need)
{
    /// <summary>The survey date.</summary>
    public DateOnly Date => SyntheticCalendar.ToDate(Day);
}
