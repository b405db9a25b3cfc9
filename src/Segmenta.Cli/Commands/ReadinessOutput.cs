using System.Text.Json.Nodes;
using Segmenta.Core.Clv;

namespace Segmenta.Cli.Commands;

/// <summary>Shows data-readiness warnings: a <c>warnings</c> array in JSON, or one bilingual line each on stderr.</summary>
internal static class ReadinessOutput
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["few_repeat_buyers"] = "复购客户太少，模型估计不稳定",
        ["horizon_beyond_history"] = "预测期长于最长的观测历史，预测属外推",
        ["few_spend_customers"] = "有复购金额的客户太少，Gamma-Gamma 估计不稳定",
        ["spend_correlated_with_frequency"] = "消费金额与购买频次相关，Gamma-Gamma 的独立性假设不成立，CLV 可能有偏",
    };

    public static JsonArray ToJson(IReadOnlyList<ReadinessWarning> warnings) =>
        [.. warnings.Select(w => (JsonNode)new JsonObject { ["code"] = w.Code, ["message"] = w.Message })];

    public static void Print(CliContext context, IReadOnlyList<ReadinessWarning> warnings)
    {
        foreach (var w in warnings)
            context.Error.WriteLine($"警告 warning [{w.Code}]: {Chinese.GetValueOrDefault(w.Code, w.Code)}. {w.Message}");
    }
}
