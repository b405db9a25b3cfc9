using Segmenta.Core.Numerics;

namespace Segmenta.Core.Tests.Numerics;

public class Hypergeometric2F1Tests
{
    private static void Close(double expected, double actual, double rel) =>
        Assert.True(Math.Abs(actual - expected) <= rel * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    [InlineData(-0.5)]
    [InlineData(-3.0)]
    [InlineData(-50.0)]
    public void Evaluate_Log_MatchesClosedForm(double z) =>
        // 2F1(1,1;2;z) = −ln(1−z)/z (A&S 15.1.3); c−a−b = 0 is the logarithmic case.
        Close(-Math.Log(1 - z) / z, Hypergeometric2F1.Evaluate(1, 1, 2, z), 1e-12);

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.8)]
    [InlineData(0.97)]
    public void Evaluate_Arcsin_MatchesClosedForm(double x) =>
        // 2F1(1/2,1/2;3/2;x²) = arcsin(x)/x (A&S 15.1.6); c−a−b = 1/2.
        Close(Math.Asin(x) / x, Hypergeometric2F1.Evaluate(0.5, 0.5, 1.5, x * x), 1e-12);

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    [InlineData(10.0)]
    public void Evaluate_Arctan_MatchesClosedForm(double x) =>
        // 2F1(1/2,1;3/2;−x²) = arctan(x)/x (A&S 15.1.5).
        Close(Math.Atan(x) / x, Hypergeometric2F1.Evaluate(0.5, 1, 1.5, -x * x), 1e-12);

    [Theory]
    [InlineData(2.7, 0.6)]
    [InlineData(0.243, 0.95)]
    [InlineData(7.5, -4.0)]
    public void Evaluate_PowerLaw_MatchesClosedForm(double a, double z) =>
        // 2F1(a,b;b;z) = (1−z)^(−a) (A&S 15.1.8).
        Close(Math.Pow(1 - z, -a), Hypergeometric2F1.Evaluate(a, 1.7, 1.7, z), 1e-12);

    [Fact]
    public void Evaluate_AtOne_MatchesGaussTheorem() =>
        // Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)) with a=0.5, b=0.25, c=2 → Γ(2)Γ(1.25)/(Γ(1.5)Γ(1.75)).
        Close(0.9064024770554771 / (0.886226925452758 * 0.9190625268488832), Hypergeometric2F1.Evaluate(0.5, 0.25, 2, 1), 1e-12);

    [Fact]
    public void Evaluate_Polynomial_Terminates()
    {
        // 2F1(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1)).
        const double b = 3.5, c = 1.25, z = 0.9;
        Close(1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1)), Hypergeometric2F1.Evaluate(-2, b, c, z), 1e-13);
    }

    [Theory]
    [InlineData(0.243, 2.426, 2.219, 0.5)]
    [InlineData(2.243, 4.426, 4.219, 0.8)]
    [InlineData(1.159, 1.606, 2.159, 0.3)]
    [InlineData(12.159, 1.606, 13.159, 0.85)]
    [InlineData(0.8, 1.3, 3.7, -0.7)]
    [InlineData(3.3, 2.1, 4.05, 0.9)]
    public void Evaluate_ModelArguments_MatchDecimalSeries(double a, double b, double c, double z) =>
        Close(DecimalSeries((decimal)a, (decimal)b, (decimal)c, (decimal)z), Hypergeometric2F1.Evaluate(a, b, c, z), 1e-12);

    [Theory]
    [InlineData(12.159, 1.606, 13.159, 0.95)]
    [InlineData(2.5, 3.25, 4.1, 0.97)]
    [InlineData(0.7, 0.4, 2.3, 0.99)]
    public void Evaluate_NearOne_MatchesDecimalSeries(double a, double b, double c, double z) =>
        // Connection formula (A&S 15.3.6) region: stated accuracy 1e-11.
        Close(DecimalSeries((decimal)a, (decimal)b, (decimal)c, (decimal)z), Hypergeometric2F1.Evaluate(a, b, c, z), 1e-11);

    [Fact]
    public void Evaluate_InvalidArguments_ReturnNaN()
    {
        Assert.True(double.IsNaN(Hypergeometric2F1.Evaluate(1, 1, -2, 0.5)));
        Assert.True(double.IsNaN(Hypergeometric2F1.Evaluate(1, 1, 2, 1.5)));
        Assert.Equal(1.0, Hypergeometric2F1.Evaluate(1, 1, 2, 0));
    }

    /// <summary>Reference: the defining series in System.Decimal (28 significant digits), valid for |z| &lt; 1.</summary>
    private static double DecimalSeries(decimal a, decimal b, decimal c, decimal z)
    {
        decimal sum = 1, term = 1;
        for (var n = 0; n < 20000; n++)
        {
            term = term * (a + n) / (c + n) * (b + n) / (n + 1) * z;
            sum += term;
            if (Math.Abs(term) < 1e-26m) break;
        }
        return (double)sum;
    }
}
