using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Data.Customers;
using Segmenta.Data.DuckDb;
using Segmenta.Data.Output;
using Segmenta.Data.Runs;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Segmenta.Data.Actions;

/// <summary>
/// The CRM-ready action list of one scheme from the store's last segment run (<c>segmenta actions</c>): one row per
/// customer whose segment has a playbook, with the reason (the matched rule with the customer's values), the action,
/// channel, owner, priority, contact frequency and the date the next contact is due.
/// </summary>
public static class ActionList
{
    /// <summary>The columns of the exported file, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["customer_id", "scheme", "segment", "segment_label", "reason", "action", "channel", "owner", "priority", "contact_every_days", "next_contact_due"];

    /// <summary>
    /// The next contact date: the as-of date + contact_every_days; when the run has <c>last_contact_days</c> (interactions
    /// imported) it is counted from the last contact instead (as-of − last_contact_days + contact_every_days), and a date
    /// already past is due on the as-of date. Null when the playbook gives no frequency.
    /// </summary>
    public static DateOnly? NextContactDue(DateOnly asOf, int? contactEveryDays, object? lastContactDays)
    {
        if (contactEveryDays is not { } every) return null;
        if (lastContactDays is not null && decimal.TryParse(Convert.ToString(lastContactDays, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var since))
        {
            var due = asOf.AddDays(every - (int)Math.Min(since, 100_000m));
            return due < asOf ? asOf : due;
        }
        return asOf.AddDays(every);
    }

    /// <summary>Builds the rows of <paramref name="scheme"/> from the store's last run, ordered by priority, then customer id.</summary>
    /// <exception cref="SegmentaInputException">No run in the store, or the run has no such scheme.</exception>
    public static IReadOnlyList<ActionRow> Build(DuckDBConnection connection, string storeName, string scheme, string language)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var run = SegmentRunStore.Load(connection, storeName);
        var explanation = run.Scheme(scheme);
        var engine = new DuckDbEngine(connection);
        var available = engine.TableColumns(DuckDbEngine.SegmentsTable).ToHashSet(StringComparer.Ordinal);
        var withPlaybook = explanation.Segments.Where(s => s.Playbook is { } p && (p.Action is not null || p.ContactEveryDays is not null)).ToDictionary(s => s.Info.Key, StringComparer.Ordinal);
        // Reasons may quote other schemes (rfm_segment = 'champions' [rfm_r 5 ≥ 4 …]), so their rule columns are read too.
        var wanted = new[] { "customer_id", explanation.SegmentColumn, "last_contact_days" }.Concat(run.Schemes.SelectMany(s => s.RuleColumns().Append(s.SegmentColumn)))
            .Where(available.Contains).Distinct(StringComparer.Ordinal).ToList();
        var rows = new List<ActionRow>();
        if (withPlaybook.Count == 0) return rows;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {string.Join(", ", wanted.Select(StoreRows.Quote))} FROM {DuckDbEngine.SegmentsTable} WHERE CAST({StoreRows.Quote(explanation.SegmentColumn)} AS VARCHAR) IN ({string.Join(", ", withPlaybook.Keys.Select(_ => "?"))})";
        foreach (var key in withPlaybook.Keys) cmd.Parameters.Add(new DuckDBParameter(key));
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var row = StoreRows.Read(reader);
            var key = Convert.ToString(row[explanation.SegmentColumn], CultureInfo.InvariantCulture)!;
            var segment = withPlaybook[key];
            var playbook = segment.Playbook!;
            rows.Add(new ActionRow(
                Convert.ToString(row["customer_id"], CultureInfo.InvariantCulture) ?? "",
                explanation.Scheme, key, segment.Info.Label.For(language),
                explanation.Reason(key, name => row.TryGetValue(name, out var v) ? v : null, language, run.Schemes),
                playbook.Action?.For(language) ?? "", playbook.Channel, playbook.Owner, playbook.Priority, playbook.ContactEveryDays,
                NextContactDue(run.AsOf, playbook.ContactEveryDays, row.GetValueOrDefault("last_contact_days"))));
        }
        return [.. rows.OrderBy(r => r.Priority ?? int.MaxValue).ThenBy(r => r.CustomerId, StringComparer.Ordinal)];
    }

    /// <summary>Writes the rows to <paramref name="path"/>: <c>.csv</c> (UTF-8 with BOM) or <c>.xlsx</c>; atomically, text cells formula-neutralised.</summary>
    /// <exception cref="SegmentaInputException">The extension is neither .csv nor .xlsx.</exception>
    public static void Write(IReadOnlyList<ActionRow> rows, string path)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            AtomicFile.Write(path, temp => File.WriteAllText(temp, Csv(rows), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)));
        else if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            AtomicFile.Write(path, temp => MiniExcel.SaveAs(temp, rows.Select(Cells).ToList(), sheetName: "actions", excelType: MiniExcelLibs.ExcelType.XLSX, overwriteFile: true));
        else
            throw new SegmentaInputException($"--out {path}: write a .csv or .xlsx file, e.g. --out actions.csv");
    }

    private static Dictionary<string, object?> Cells(ActionRow r)
    {
        var values = Values(r);
        var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < Columns.Count; i++) cells[Columns[i]] = values[i];
        return cells;
    }

    private static object?[] Values(ActionRow r) =>
    [
        SafeText.Neutralise(r.CustomerId), SafeText.Neutralise(r.Scheme), SafeText.Neutralise(r.Segment), SafeText.Neutralise(r.SegmentLabel),
        SafeText.Neutralise(r.Reason), SafeText.Neutralise(r.Action), SafeText.Neutralise(r.Channel), SafeText.Neutralise(r.Owner),
        r.Priority, r.ContactEveryDays, r.NextContactDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    ];

    private static string Csv(IReadOnlyList<ActionRow> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Columns).Append('\n');
        foreach (var r in rows)
        {
            text.AppendJoin(',', Values(r).Select(Field)).Append('\n');
        }
        return text.ToString();
    }

    private static string Field(object? value)
    {
        var s = value switch
        {
            null => "",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }
}
