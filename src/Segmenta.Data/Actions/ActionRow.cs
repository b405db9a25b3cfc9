namespace Segmenta.Data.Actions;

/// <summary>One line of a CRM action list: a customer in a segment that has a playbook.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Scheme">The scheme.</param>
/// <param name="Segment">The segment key.</param>
/// <param name="SegmentLabel">The segment's label in the chosen language.</param>
/// <param name="Reason">The rule that matched with this customer's values.</param>
/// <param name="Action">The playbook's action in the chosen language (may be empty).</param>
/// <param name="Channel">Contact channel.</param>
/// <param name="Owner">Owner role.</param>
/// <param name="Priority">1 = most urgent.</param>
/// <param name="ContactEveryDays">Contact frequency in days.</param>
/// <param name="NextContactDue">When the next contact is due (see <see cref="ActionList.NextContactDue"/>).</param>
public sealed record ActionRow(
    string CustomerId, string Scheme, string Segment, string SegmentLabel, string Reason, string Action,
    string? Channel, string? Owner, int? Priority, int? ContactEveryDays, DateOnly? NextContactDue);
