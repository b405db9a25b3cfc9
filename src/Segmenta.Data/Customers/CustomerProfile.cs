using Segmenta.Core.Schemes;
using Segmenta.Core.Schemes.Definitions;

namespace Segmenta.Data.Customers;

/// <summary>One customer's profile (客户画像) from the store's last segment run.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="AsOf">The run's as-of date.</param>
/// <param name="Features">Feature columns (standard features and attributes) in table order.</param>
/// <param name="Predictions">Model columns (<c>p_alive</c>, <c>exp_purchases_*</c>, <c>exp_spend</c>, <c>clv_*</c>) when the run had <c>--clv</c>; else empty.</param>
/// <param name="Segments">Every scheme's segment with its reason and playbook, in run order.</param>
/// <param name="Interactions">Summary of the <c>interactions</c> table for this customer when the store has one, else null.</param>
/// <param name="Surveys">Summary of the <c>surveys</c> table for this customer when the store has one, else null.</param>
public sealed record CustomerProfile(
    string CustomerId,
    DateOnly AsOf,
    IReadOnlyList<KeyValuePair<string, object?>> Features,
    IReadOnlyList<KeyValuePair<string, object?>> Predictions,
    IReadOnlyList<CustomerSegment> Segments,
    IReadOnlyList<KeyValuePair<string, object?>>? Interactions,
    IReadOnlyList<KeyValuePair<string, object?>>? Surveys);

/// <summary>A customer's segment in one scheme.</summary>
/// <param name="Scheme">Scheme name.</param>
/// <param name="SchemeLabel">Scheme display name.</param>
/// <param name="Segment">Segment key.</param>
/// <param name="Label">Segment display name.</param>
/// <param name="Reason">The matched rule with the customer's values.</param>
/// <param name="Playbook">The segment's playbook, or null.</param>
public sealed record CustomerSegment(string Scheme, LocalizedText SchemeLabel, string Segment, LocalizedText Label, string Reason, PlaybookDefinition? Playbook);
