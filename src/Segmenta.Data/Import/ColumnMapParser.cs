using Segmenta.Core;

namespace Segmenta.Data.Import;

/// <summary>Parses the <c>--map</c> option: <c>customer=客户编号,date=下单日期,amount=实付金额</c>.</summary>
public static class ColumnMapParser
{
    /// <summary>
    /// Parses <c>role=header</c> pairs separated by commas (ASCII or full-width <c>，</c>). Roles are matched
    /// case-insensitively; the header is everything after the first <c>=</c>, trimmed.
    /// </summary>
    /// <param name="text">The option text; empty or blank gives an empty map.</param>
    /// <returns>Role name (lower case) → source header.</returns>
    /// <exception cref="SegmentaInputException">A pair has no <c>=</c>, an empty side, an unknown or repeated role.</exception>
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split([',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOfAny(['=', '＝']);
            if (equals <= 0 || equals == part.Length - 1)
            {
                throw new SegmentaInputException(
                    $"--map: \"{part}\" is not role=header. Write e.g. --map customer=客户编号,date=下单日期,amount=实付金额. Roles: {ColumnRoles.Names}.");
            }

            var roleName = part[..equals].Trim();
            var header = part[(equals + 1)..].Trim();
            var role = ColumnRoles.Find(roleName) ?? throw new SegmentaInputException(
                $"--map: unknown role \"{roleName}\" in \"{part}\". Known roles: {ColumnRoles.Names}.");
            if (!map.TryAdd(role.Name, header))
            {
                throw new SegmentaInputException($"--map: role \"{role.Name}\" is given twice. Give each role once.");
            }
        }

        return map;
    }
}
