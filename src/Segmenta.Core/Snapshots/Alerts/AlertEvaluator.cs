using System.Globalization;

namespace Segmenta.Core.Snapshots.Alerts;

/// <summary>Evaluates alert rules on a new snapshot against the previous one (and interactions, when imported).</summary>
/// <remarks>
/// Migration rules compare customers present in both snapshots. Relative change of a segment:
/// (n_now − n_before) / n_before; a segment that was empty before has no relative change, so shrink/grow rules are
/// "ok" for it. A customer with no interaction at all counts as "no contact".
/// </remarks>
public static class AlertEvaluator
{
    /// <summary>How many customer ids a message lists before "…".</summary>
    public const int ExamplesInMessage = 5;

    /// <summary>Evaluates every rule.</summary>
    public static IReadOnlyList<AlertResult> Evaluate(IReadOnlyList<AlertRule> rules, AlertInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(inputs);
        return [.. rules.Select(r => Evaluate(r, inputs))];
    }

    private static AlertResult Evaluate(AlertRule rule, AlertInputs inputs)
    {
        var now = inputs.Current(rule.Scheme);
        if (now is null)
            return Skip(rule, $"scheme \"{rule.Scheme}\" is not in the snapshot", $"快照中没有方案 \"{rule.Scheme}\"");
        if (rule.When == AlertKinds.NoContact)
            return NoContact(rule, now, inputs);
        var before = inputs.Previous?.Invoke(rule.Scheme);
        if (before is null)
            return Skip(rule, "no previous snapshot to compare with", "没有可比较的上一期快照");
        return rule.When switch
        {
            AlertKinds.LeavesSegment => Moves(rule, before, now, rule.From!, rule.To, leaving: true),
            AlertKinds.EntersSegment => Moves(rule, before, now, rule.To!, null, leaving: false),
            AlertKinds.SegmentShrinks or AlertKinds.SegmentGrows => Size(rule, before, now),
            _ => Skip(rule, $"unknown kind \"{rule.When}\"", $"未知的规则类型 \"{rule.When}\""),
        };
    }

    private static AlertResult Moves(AlertRule rule, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> now, string segment, string? to, bool leaving)
    {
        var movers = new List<string>();
        foreach (var (customer, then) in before)
        {
            if (!now.TryGetValue(customer, out var current) || then == current) continue;
            var hit = leaving ? then == segment && (to is null || current == to) : current == segment;
            if (hit) movers.Add(customer);
        }
        movers.Sort(StringComparer.Ordinal);
        var examples = Examples(movers);
        if (movers.Count == 0)
        {
            return leaving
                ? new AlertResult(rule, AlertResult.Ok, $"{rule.Scheme}: no customer left {segment}", $"{rule.Scheme}：没有客户离开 {segment}", [], 0)
                : new AlertResult(rule, AlertResult.Ok, $"{rule.Scheme}: no customer entered {segment}", $"{rule.Scheme}：没有客户进入 {segment}", [], 0);
        }
        var target = to is null ? "" : " for " + to;
        var targetZh = to is null ? "" : "，转入 " + to;
        return leaving
            ? new AlertResult(rule, AlertResult.Triggered, $"{rule.Scheme}: {movers.Count} customer(s) left {segment}{target} ({examples})",
                $"{rule.Scheme}：{movers.Count} 位客户离开了 {segment}{targetZh}（{examples}）", movers, movers.Count)
            : new AlertResult(rule, AlertResult.Triggered, $"{rule.Scheme}: {movers.Count} customer(s) entered {segment} ({examples})",
                $"{rule.Scheme}：{movers.Count} 位客户进入了 {segment}（{examples}）", movers, movers.Count);
    }

    private static AlertResult Size(AlertRule rule, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> now)
    {
        var segment = rule.Segment!;
        var threshold = rule.ByMoreThan!.Value;
        long n0 = before.Values.Count(v => v == segment), n1 = now.Values.Count(v => v == segment);
        if (n0 == 0)
            return new AlertResult(rule, AlertResult.Ok, $"{rule.Scheme}: {segment} was empty in the previous snapshot ({n1} now)", $"{rule.Scheme}：{segment} 上期为空（本期 {n1}）", [], null);
        var change = (double)(n1 - n0) / n0;
        var shrinks = rule.When == AlertKinds.SegmentShrinks;
        var fired = shrinks ? -change > threshold : change > threshold;
        var pct = Percent(Math.Abs(change));
        var limit = Percent(threshold);
        var en = shrinks
            ? $"{rule.Scheme}: {segment} {(change < 0 ? "shrank" : "grew")} by {pct} ({n0} → {n1}); alert above {limit} shrinkage"
            : $"{rule.Scheme}: {segment} {(change < 0 ? "shrank" : "grew")} by {pct} ({n0} → {n1}); alert above {limit} growth";
        var zh = $"{rule.Scheme}：{segment} {(change < 0 ? "减少" : "增加")}了 {pct}（{n0} → {n1}）；阈值 {limit}";
        return new AlertResult(rule, fired ? AlertResult.Triggered : AlertResult.Ok, en, zh, [], change);
    }

    private static AlertResult NoContact(AlertRule rule, IReadOnlyDictionary<string, string> now, AlertInputs inputs)
    {
        if (inputs.LastContact is not { } contacts)
            return Skip(rule, "no interactions imported", "未导入互动记录");
        var days = rule.Days!.Value;
        var cutoff = inputs.AsOf.AddDays(-days);
        var silent = now.Where(p => p.Value == rule.Segment && (!contacts.TryGetValue(p.Key, out var last) || last <= cutoff))
            .Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        return silent.Count == 0
            ? new AlertResult(rule, AlertResult.Ok, $"{rule.Scheme}: every {rule.Segment} customer was contacted in the last {days} days",
                $"{rule.Scheme}：{rule.Segment} 的客户在最近 {days} 天内都有联系", [], 0)
            : new AlertResult(rule, AlertResult.Triggered, $"{rule.Scheme}: {silent.Count} {rule.Segment} customer(s) without contact for {days} days ({Examples(silent)})",
                $"{rule.Scheme}：{silent.Count} 位 {rule.Segment} 客户已 {days} 天未联系（{Examples(silent)}）", silent, silent.Count);
    }

    private static AlertResult Skip(AlertRule rule, string en, string zh) =>
        new(rule, AlertResult.Skipped, "skipped: " + en, "已跳过：" + zh, [], null);

    private static string Examples(List<string> customers) =>
        string.Join(", ", customers.Take(ExamplesInMessage)) + (customers.Count > ExamplesInMessage ? ", …" : "");

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
