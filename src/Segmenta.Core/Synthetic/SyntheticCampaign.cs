namespace Segmenta.Core.Synthetic;

/// <summary>
/// A planted campaign effect for testing effect evaluation. Customers whose first purchase lies before
/// <see cref="Start"/> are targeted with probability <see cref="TargetShare"/>; targeted customers are control with
/// probability <see cref="ControlShare"/>, else treated. For a treated customer, every purchase of the base process that
/// falls in the window [start, start + <see cref="WindowDays"/>) brings ⌊u⌋ extra incremental orders plus one more with
/// probability u − ⌊u⌋ (u = <see cref="Uplift"/>), each on a uniform day of the window, with an amount from the
/// customer's own spend law Gamma(p, ν). Hence, exactly in expectation and whatever the customer's λ, p and ν:
/// E[window orders | treated] = (1 + u) · E[window orders | control] and the same for window revenue; the planted
/// relative lift of orders (and revenue) per customer is u. Extra orders do not count towards dropout, and every
/// campaign draw comes from its own random stream, so the base purchases are identical with and without a campaign.
/// </summary>
public sealed record SyntheticCampaign
{
    /// <summary>Default campaign start: 2024-07-01 (day 912 of the synthetic window).</summary>
    public static DateOnly DefaultStart { get; } = new(2024, 7, 1);

    /// <summary>Relative uplift u ≥ 0 of orders (and revenue) per treated customer in the window.</summary>
    public double Uplift { get; init; }

    /// <summary>Share of the customers acquired before the start that the campaign targets.</summary>
    public double TargetShare { get; init; } = 0.5;

    /// <summary>Share of the targeted customers held out as control.</summary>
    public double ControlShare { get; init; } = 0.5;

    /// <summary>First day of the campaign window.</summary>
    public DateOnly Start { get; init; } = DefaultStart;

    /// <summary>Window length in days.</summary>
    public int WindowDays { get; init; } = 60;

    /// <summary>Lists every problem (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!(Uplift >= 0 && double.IsFinite(Uplift))) problems.Add("--campaign-uplift must be a finite number ≥ 0.");
        if (TargetShare is <= 0 or > 1) problems.Add("--campaign-share must lie in (0, 1].");
        if (ControlShare is <= 0 or >= 1) problems.Add("--campaign-control-share must lie in (0, 1).");
        if (WindowDays < 1) problems.Add("--campaign-window-days must be at least 1.");
        var startDay = Start.DayNumber - SyntheticCalendar.WindowStart.DayNumber;
        if (startDay <= 0 || startDay >= SyntheticCalendar.WindowDays) problems.Add($"--campaign-start must lie inside {SyntheticCalendar.WindowStart:yyyy-MM-dd} .. {SyntheticCalendar.AsOf:yyyy-MM-dd}.");
        return problems;
    }
}

/// <summary>A simulated customer's campaign group.</summary>
public enum CampaignGroup
{
    /// <summary>Not targeted.</summary>
    None,
    /// <summary>Targeted and treated (gets the uplift).</summary>
    Treated,
    /// <summary>Targeted and held out.</summary>
    Control,
}
