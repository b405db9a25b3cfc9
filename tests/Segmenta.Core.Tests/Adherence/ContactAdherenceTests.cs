using Segmenta.Core.Adherence;

namespace Segmenta.Core.Tests.Adherence;

public sealed class ContactAdherenceTests
{
    private static readonly DateOnly From = new(2024, 6, 1);
    private static readonly DateOnly To = new(2024, 6, 30);   // 30 days

    [Fact]
    public void Compute_PharmaGradeAWeeklyVisits_PerCustomerSegmentOwner()
    {
        var customers = new Dictionary<string, string> { ["h1"] = "A", ["h2"] = "A", ["h3"] = "B", ["h4"] = "C" };
        var plan = new Dictionary<string, int> { ["A"] = 7, ["B"] = 30 };   // A: 4 visits in 30 days; B: 1; C: no plan
        Interaction V(string c, int day, string owner) => new(c, From.AddDays(day), owner);
        var visits = new[]
        {
            V("h1", 0, "wang"), V("h1", 7, "wang"), V("h1", 14, "wang"), V("h1", 21, "wang"), V("h1", 28, "li"),   // 5 of 4
            V("h2", 3, "li"), V("h2", 20, "li"),                                                                     // 2 of 4
            V("h3", -1, "wang"),                                                                                     // before the period
            V("h4", 5, "li"),
        };
        var report = ContactAdherence.Compute(customers, plan, visits, From, To);
        Assert.Equal(["h1", "h2", "h3"], report.Customers.Select(c => c.CustomerId));
        var h1 = report.Customers[0];
        Assert.Equal((4, 5, 1.0, "wang"), (h1.Required, h1.Actual, h1.Adherence, h1.Owner));
        Assert.Equal(0.5, report.Customers[1].Adherence);
        Assert.Equal((1, 0, 0.0, ""), (report.Customers[2].Required, report.Customers[2].Actual, report.Customers[2].Adherence, report.Customers[2].Owner));
        var a = report.BySegment.Single(s => s.Key == "A");
        Assert.Equal(0.75, a.MeanAdherence);   // capped: (1 + 0.5) / 2
        Assert.Equal(0.5, a.ShareMet);
        Assert.Equal((8L, 7L), (a.Required, a.Actual));
        Assert.Equal(["", "li", "wang"], report.ByOwner.Select(o => o.Key));
        Assert.Equal(0.5, report.ByOwner.Single(o => o.Key == "li").MeanAdherence);
    }
}
