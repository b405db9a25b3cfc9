namespace Segmenta.Core.Synthetic;

/// <summary>One simulated contact with a customer.</summary>
/// <param name="Day">Day counted from <see cref="SyntheticCalendar.WindowStart"/>.</param>
/// <param name="Type">visit, call, email or meeting.</param>
/// <param name="CostCents">Cost in cents; null when the cost cell is left empty (about one in seven), so unit costs apply.</param>
/// <param name="Owner">Who made the contact; null when nobody is named.</param>
public readonly record struct SyntheticInteraction(int Day, string Type, long? CostCents, string? Owner)
{
    /// <summary>The interaction date.</summary>
    public DateOnly Date => SyntheticCalendar.ToDate(Day);
}
