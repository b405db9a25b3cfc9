using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Segmenta.Core.Schemes.Rules;

namespace Segmenta.Core.Tests.Schemes.Rules;

public class RuleFuzzTests
{
    private static readonly FeatureSchema Schema = FeatureSchema.Standard([new("region", FeatureType.Text), new("客户", FeatureType.Text)]);

    /// <summary>Parsing, checking and formatting either succeed or fail with a <see cref="SegmentaInputException"/>.</summary>
    private static void OnlyInputErrors(string text)
    {
        try
        {
            var tree = RuleParser.Parse(text);
            RuleChecker.Check(tree, Schema);
            RuleParser.Parse(RuleFormatter.Format(tree));
        }
        catch (SegmentaInputException)
        {
        }
        var result = RuleChecker.Check(text, Schema);
        if (!RuleParser.TryParse(text, out _).IsValid) Assert.False(result.IsValid);
    }

    [Property(MaxTest = 2000)]
    public Property Parse_RandomText_OnlyInputErrors() => Prop.ForAll(RuleGenerators.RuleLikeText, OnlyInputErrors);

    [Property(MaxTest = 2000)]
    public Property Parse_RandomTokenSoup_OnlyInputErrors() => Prop.ForAll(RuleGenerators.TokenSoup, OnlyInputErrors);

    [Property(MaxTest = 300)]
    public Property Parse_ArbitraryUnicodeString_OnlyInputErrors() => Prop.ForAll<string>(s => OnlyInputErrors(s ?? ""));

    /// <summary>
    /// No hang (issue 10 item 2): token soups up to the length limit — deep nesting, long operator chains, open strings —
    /// parse and check in bounded time. The bound is generous (a case takes milliseconds); it catches exponential
    /// backtracking, not slowness.
    /// </summary>
    [Property(MaxTest = 40)]
    public Property Parse_LongTokenSoup_FinishesInBoundedTime() => Prop.ForAll(
        Gen.Choose(500, 2500).SelectMany(n => Gen.Elements(RuleGenerators.TokenList).ArrayOf(n))
            .Select(t => string.Join(' ', t)[..Math.Min(RuleParser.MaxLength, string.Join(' ', t).Length)]).ToArbitrary(),
        text =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            OnlyInputErrors(text);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{text.Length} chars took {clock.Elapsed}");
        });

    [Fact]
    public void Parse_MaxLengthOfOpenParentheses_Error()
    {
        var e = Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse(new string('(', RuleParser.MaxLength)));
        Assert.Contains("nested too deeply", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MaxLengthArithmeticChain_DepthError()
    {
        var rule = "1" + string.Concat(Enumerable.Repeat("+1", (RuleParser.MaxLength - 1) / 2));
        Assert.Throws<RuleSyntaxException>(() => RuleParser.Parse(rule));
    }
}
