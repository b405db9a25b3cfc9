using System.CommandLine;
using System.Globalization;
using Segmenta.Core.Pipelines;
using Segmenta.Data.Import;

namespace Segmenta.Cli.Commands;

/// <summary>
/// The interactions and surveys inputs of <c>segment</c> and the cost-to-serve settings (unit cost per interaction type,
/// gross margin rate). The files are read with the encoding, sheet, decimal separator and reject limit of the main input.
/// </summary>
internal sealed class ContactOptions
{
    public Option<FileInfo?> Interactions { get; } = new("--interactions") { Description = "Interactions file (customer, date, type visit/call/email/meeting or 拜访/电话/邮件/会议, cost, owner): adds contacts_90d, last_contact_days … and cost to serve." };
    public Option<FileInfo?> Surveys { get; } = new("--surveys") { Description = "Survey answers file (customer, date, NPS 0-10, CSAT 1-5, need): adds nps, nps_group, csat, survey_need." };
    public Option<string?> InteractionsMap { get; } = new("--interactions-map") { Description = "Column mapping overrides for the interactions file, e.g. customer=客户编号,type=拜访方式." };
    public Option<string?> SurveysMap { get; } = new("--surveys-map") { Description = "Column mapping overrides for the surveys file, e.g. nps=推荐值." };
    public Option<decimal?> CostPerVisit { get; } = new("--cost-per-visit") { Description = "Cost of one visit, used when an interaction's cost cell is empty." };
    public Option<decimal?> CostPerCall { get; } = new("--cost-per-call") { Description = "Cost of one call, used when an interaction's cost cell is empty." };
    public Option<decimal?> CostPerEmail { get; } = new("--cost-per-email") { Description = "Cost of one email, used when an interaction's cost cell is empty." };
    public Option<decimal?> CostPerMeeting { get; } = new("--cost-per-meeting") { Description = "Cost of one meeting, used when an interaction's cost cell is empty." };
    public Option<double?> MarginRate { get; } = new("--margin-rate") { Description = "Gross margin as a fraction of revenue for customers without a recorded cost (default: the observed rate when transactions have a cost column)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Interactions, Surveys, InteractionsMap, SurveysMap, CostPerVisit, CostPerCall, CostPerEmail, CostPerMeeting, MarginRate })
            command.Add(option);
    }

    /// <summary>The interactions file read like <paramref name="main"/> (encoding, sheet, separator, reject limit), or null.</summary>
    public ImportOptions? InteractionsFile(ParseResult parse, ImportOptions main) =>
        File(parse.GetValue(Interactions), parse.GetValue(InteractionsMap), ImportKind.Interactions, main);

    /// <summary>The surveys file read like <paramref name="main"/>, or null.</summary>
    public ImportOptions? SurveysFile(ParseResult parse, ImportOptions main) =>
        File(parse.GetValue(Surveys), parse.GetValue(SurveysMap), ImportKind.Surveys, main);

    public ProfitabilityOptions Profitability(ParseResult parse)
    {
        var costs = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (option, type) in new[] { (CostPerVisit, InteractionTypes.Visit), (CostPerCall, InteractionTypes.Call), (CostPerEmail, InteractionTypes.Email), (CostPerMeeting, InteractionTypes.Meeting) })
        {
            if (parse.GetValue(option) is not { } cost) continue;
            if (cost < 0) throw new UsageException($"{option.Name} {cost.ToString(CultureInfo.InvariantCulture)}: a cost must be 0 or more. / 单位成本不能为负数。");
            costs[type] = cost;
        }
        var rate = parse.GetValue(MarginRate);
        if (rate is { } r && !(r is >= 0 and <= 1))
            throw new UsageException($"--margin-rate {r.ToString(CultureInfo.InvariantCulture)}: give a fraction between 0 and 1, e.g. 0.3 for 30%. / 毛利率请填写 0 到 1 之间的小数。");
        return new ProfitabilityOptions { UnitCosts = costs, MarginRate = rate };
    }

    private static ImportOptions? File(FileInfo? file, string? map, ImportKind kind, ImportOptions main) => file is null ? null : main with
    {
        Path = file.FullName,
        Kind = kind,
        Sheet = null,
        Encoding = null,
        RejectsPath = null,
        ColumnMap = string.IsNullOrWhiteSpace(map) ? new Dictionary<string, string>() : ColumnMapParser.Parse(map),
    };
}
