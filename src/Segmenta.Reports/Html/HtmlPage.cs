using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Segmenta.Reports.Html;

/// <summary>
/// Accumulates the body of the report: every text goes through <c>WebUtility.HtmlEncode</c>, every chart is
/// a container plus its ECharts option, serialised with an encoder that escapes <c>&lt; &gt; &amp; ' "</c> so data can
/// never close the script element it is embedded in.
/// </summary>
internal sealed class HtmlPage
{
    /// <summary>JSON for inline scripts: all of Unicode kept readable, HTML-sensitive characters escaped.</summary>
    public static readonly JsonSerializerOptions ScriptJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly StringBuilder _body = new();
    private readonly JsonObject _charts = [];

    /// <summary>Sections in order: anchor id and title, for the table of contents.</summary>
    public List<(string Id, string Title)> Sections { get; } = [];

    /// <summary>Chart ids in order.</summary>
    public List<string> ChartIds { get; } = [];

    public string Body => _body.ToString();

    public string ChartsJson => _charts.ToJsonString(ScriptJson);

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public void BeginSection(string id, string title, string reading)
    {
        Sections.Add((id, title));
        _body.Append("<section id=\"").Append(E(id)).Append("\"><h2>").Append(E(title)).Append("</h2>\n");
        Paragraph(reading, "reading");
    }

    public void EndSection() => _body.Append("</section>\n");

    public void Heading(string text) => _body.Append("<h3>").Append(E(text)).Append("</h3>\n");

    public void Paragraph(string text, string? cssClass = null)
    {
        _body.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(E(text)).Append("</p>\n");
    }

    public void Raw(string html) => _body.Append(html);

    /// <summary>A chart container with its title; the option is rendered by the inline script.</summary>
    public void Chart(string title, JsonObject option, bool tall = false)
    {
        var id = "chart-" + (ChartIds.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        ChartIds.Add(id);
        _charts[id] = option;
        _body.Append("<figure class=\"figure\"><figcaption>").Append(E(title)).Append("</figcaption><div class=\"chart")
            .Append(tall ? " tall" : "").Append("\" id=\"").Append(id).Append("\" data-chart role=\"img\" aria-label=\"").Append(E(title)).Append("\"></div></figure>\n");
    }

    /// <summary>A table; <paramref name="numeric"/> marks right-aligned columns.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, Func<int, bool>? numeric = null)
    {
        numeric ??= _ => false;
        _body.Append("<div class=\"table-wrap\"><table><thead><tr>");
        for (var i = 0; i < headers.Count; i++) _body.Append(numeric(i) ? "<th class=\"num\">" : "<th>").Append(E(headers[i])).Append("</th>");
        _body.Append("</tr></thead><tbody>\n");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            for (var i = 0; i < row.Count; i++) _body.Append(numeric(i) ? "<td class=\"num\">" : "<td>").Append(E(row[i])).Append("</td>");
            _body.Append("</tr>\n");
        }
        _body.Append("</tbody></table></div>\n");
    }

    /// <summary>Key figures as tiles.</summary>
    public void Tiles(IEnumerable<(string Label, string Value)> tiles)
    {
        _body.Append("<div class=\"tiles\">");
        foreach (var (label, value) in tiles)
            _body.Append("<div class=\"tile\"><div class=\"tile-value\">").Append(E(value)).Append("</div><div class=\"tile-label\">").Append(E(label)).Append("</div></div>");
        _body.Append("</div>\n");
    }
}
