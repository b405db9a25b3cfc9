namespace Segmenta.Core.Campaigns;

/// <summary>One campaign member's behaviour in the pre-period and in the window.</summary>
/// <param name="CustomerId">Customer id.</param>
/// <param name="Treated">True for the treated group, false for control.</param>
/// <param name="Segment">Segment used for the breakdown (empty when none).</param>
/// <param name="PreOrders">Orders in the pre-period [start − w, start).</param>
/// <param name="PreRevenue">Revenue in the pre-period.</param>
/// <param name="Orders">Orders in the window [start, start + w).</param>
/// <param name="Revenue">Revenue in the window.</param>
public sealed record CampaignCustomer(string CustomerId, bool Treated, string Segment, long PreOrders, decimal PreRevenue, long Orders, decimal Revenue);
