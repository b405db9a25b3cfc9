using Segmenta.Core.Synthetic;
using Segmenta.Core.Synthetic.Internal;

namespace Segmenta.Core.Tests.Synthetic;

public class TransactionSimulatorPlanTests
{
    // Customer counts of the reference gen_transactions.py (bench/README.md, seed 42).
    [Theory]
    [InlineData(100_000L, 29_888, 7)]
    [InlineData(1_000_000L, 298_884, 7)]
    [InlineData(10_000_000L, 2_988_844, 7)]
    [InlineData(50_000_000L, 14_944_221, 8)]
    public void Plan_StandardSizes_SameCustomerCountAsReference(long rows, int customers, int idWidth)
    {
        var plan = TransactionSimulator.Plan(new SyntheticOptions { Rows = rows });

        Assert.Equal(customers, plan.Customers);
        Assert.Equal(ExpectedRows.ClosedFormMethod, plan.RowsPerCustomerMethod);
        Assert.Equal(idWidth, plan.CustomerIdWidth);
        Assert.Equal(5, plan.ProductIdWidth);
    }

    [Fact]
    public void Plan_CustomersGiven_UsedExactly()
    {
        var plan = TransactionSimulator.Plan(new SyntheticOptions { Customers = 12_345_678 });

        Assert.Equal(12_345_678, plan.Customers);
        Assert.Equal(8, plan.CustomerIdWidth);
    }

    [Fact]
    public void Plan_TinyRows_AtLeastOneCustomer() =>
        Assert.Equal(1, TransactionSimulator.Plan(new SyntheticOptions { Rows = 1 }).Customers);

    [Fact]
    public void Plan_InvalidOptions_ThrowsListingEveryProblem()
    {
        var options = new SyntheticOptions { Rows = 10, Customers = 10, Alpha = -1, Q = double.NaN, Products = 0 };

        var error = Assert.Throws<SegmentaInputException>(() => TransactionSimulator.Plan(options));

        Assert.Contains("exactly one of --rows and --customers", error.Message, StringComparison.Ordinal);
        Assert.Contains("alpha", error.Message, StringComparison.Ordinal);
        Assert.Contains("Parameter q", error.Message, StringComparison.Ordinal);
        Assert.Contains("--products", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_NoProblems() => Assert.Empty(new SyntheticOptions { Rows = 5 }.Validate());

    [Fact]
    public void Plan_AEqualsOne_PilotAgreesWithClosedFormNearby()
    {
        var pilot = TransactionSimulator.Plan(new SyntheticOptions { Rows = 100_000, A = 1.0 });
        var closed = TransactionSimulator.Plan(new SyntheticOptions { Rows = 100_000, A = 1.0001 });

        Assert.Equal(ExpectedRows.PilotMethod, pilot.RowsPerCustomerMethod);
        Assert.Equal(ExpectedRows.ClosedFormMethod, closed.RowsPerCustomerMethod);
        Assert.Equal(closed.ExpectedRowsPerCustomer, pilot.ExpectedRowsPerCustomer, closed.ExpectedRowsPerCustomer * 0.02);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.9)]
    [InlineData(0.97)]
    public void Hypergeometric2F1_OneOneTwo_EqualsLogFormula(double z) =>
        // 2F1(1, 1; 2; z) = −ln(1 − z) / z (Abramowitz & Stegun 15.1.3).
        Assert.Equal(-Math.Log(1 - z) / z, ExpectedRows.Hypergeometric2F1(1, 1, 2, z), 1e-12);

    [Fact]
    public void ExpectedRepeats_ZeroTime_Zero() =>
        Assert.Equal(0.0, ExpectedRows.ExpectedRepeats(0, 0.243, 4.414, 0.793, 2.426), 1e-12);
}
