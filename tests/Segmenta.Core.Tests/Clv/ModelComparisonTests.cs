using Segmenta.Core.Clv;

namespace Segmenta.Core.Tests.Clv;

public class ModelComparisonTests
{
    private static ModelFit Fake(string name, int k, double ll) => new(name,
        Enumerable.Range(0, k).ToDictionary(i => $"p{i}", _ => 1.0), new Dictionary<string, double>(),
        new Dictionary<string, ParameterInterval>(), ll, true, 1, 1000);

    [Fact]
    public void AicBic_KnownValues()
    {
        var fit = Fake("m", 4, -100);
        Assert.Equal(208, ModelComparison.Aic(fit), 12);
        Assert.Equal(4 * Math.Log(1000) + 200, ModelComparison.Bic(fit), 12);
    }

    [Fact]
    public void LikelihoodRatio_OneDegreeAtCriticalValue_PValueFivePercent()
    {
        var test = ModelComparison.LikelihoodRatio(Fake("small", 3, -100), Fake("big", 4, -100 + 3.841458820694124 / 2));
        Assert.Equal(1, test.DegreesOfFreedom);
        Assert.Equal(0.05, test.PValue, 6);
    }

    [Fact]
    public void Rank_CdnowModels_SortedByAic()
    {
        var cells = HistoryCells.Compress(ReferenceData.CdnowSummary());
        var ranking = ModelComparison.Rank([BgNbd.Fit(cells).Fit!, ParetoNbd.Fit(cells).Fit!, MbgNbd.Fit(cells).Fit!]);
        Assert.Equal(3, ranking.Count);
        Assert.Equal(0, ranking[0].DeltaAic);
        Assert.True(ranking[1].Aic <= ranking[2].Aic);
        var names = ranking.Select(r => r.Model).ToList();
        Assert.True(names.IndexOf("bgnbd") < names.IndexOf("paretonbd"));   // −9582.4 beats −9595.0 with the same k
    }

    [Fact]
    public void Check_FewRepeatBuyersAndLongHorizon_Warns()
    {
        var cells = HistoryCells.Compress([new(0, 0, 10, 500), new(1, 5, 10, 3)]);
        var warnings = DataReadiness.Check(cells, 52, []);
        Assert.Contains(warnings, w => w.Code == "few_repeat_buyers");
        Assert.Contains(warnings, w => w.Code == "horizon_beyond_history");
    }

    [Fact]
    public void Check_SpendCorrelatedWithFrequency_Warns()
    {
        var cells = HistoryCells.Compress(ReferenceData.CdnowSummary());
        SpendHistory[] spend = [.. Enumerable.Range(1, 200).Select(i => new SpendHistory(1 + i % 10, 10.0 * (1 + i % 10)))];
        var warnings = DataReadiness.Check(cells, 38, spend);
        Assert.Equal(["spend_correlated_with_frequency"], warnings.Select(w => w.Code));
    }

    [Fact]
    public void Check_CdnowWithRealSpend_NoWarnings()
    {
        var cells = HistoryCells.Compress(ReferenceData.CdnowSummary());
        Assert.Empty(DataReadiness.Check(cells, 38, CdnowSpend.RepeatBuyers()));
    }
}
