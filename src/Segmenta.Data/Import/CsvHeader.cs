using System.Text;
using Segmenta.Core;

namespace Segmenta.Data.Import;

/// <summary>
/// Reads the header line of a UTF-8 CSV file and chooses its delimiter. The delimiter is taken from the header
/// (the candidate , ; tab | that occurs most often outside quotes) rather than from DuckDB's sniffer, because the
/// sniffer falls back to one column when a file has a single unbalanced quote or blank line, which would turn a
/// slightly dirty file into a "missing column" error.
/// </summary>
internal static class CsvHeader
{
    private const int MaxHeaderChars = 1 << 20;
    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    /// <summary>The header fields and the delimiter.</summary>
    public static (IReadOnlyList<string> Fields, char Delimiter) Read(string utf8Path, string source)
    {
        using var reader = new StreamReader(utf8Path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var line = new StringBuilder();
        var inQuotes = false;
        int c;
        while ((c = reader.Read()) >= 0 && line.Length < MaxHeaderChars)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == '\n' && !inQuotes)
            {
                break;
            }

            line.Append((char)c);
        }

        var text = line.ToString().TrimEnd('\r');
        if (text.Trim().Length == 0)
        {
            throw new SegmentaInputException(
                $"{source}: the first line is empty. The first line must be the header (column names), e.g. customer_id,order_date,amount.");
        }

        var delimiter = ChooseDelimiter(text);
        return (Split(text, delimiter), delimiter);
    }

    internal static char ChooseDelimiter(string header)
    {
        var counts = new int[Candidates.Length];
        var inQuotes = false;
        foreach (var ch in header)
        {
            if (ch == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes)
            {
                var k = Array.IndexOf(Candidates, ch);
                if (k >= 0)
                {
                    counts[k]++;
                }
            }
        }

        var best = 0;
        for (var k = 1; k < counts.Length; k++)
        {
            if (counts[k] > counts[best])
            {
                best = k;
            }
        }

        return Candidates[best];
    }

    internal static List<string> Split(string line, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (inQuotes)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                inQuotes = true;
            }
            else if (ch == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
