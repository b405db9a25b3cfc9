using System.Globalization;
using System.Text;
using Segmenta.Core.Synthetic;

namespace Segmenta.Data.Synthetic.Internal;

/// <summary>ASCII <c>yyyy-MM-dd</c> of every day the generator can produce (signup days reach 365 days before the window).</summary>
internal sealed class DateTable
{
    private const int DateBytes = 10;
    private const int FirstDay = -SyntheticCalendar.SignupLeadMaxDays;

    private readonly byte[] _bytes;

    public DateTable()
    {
        var days = SyntheticCalendar.WindowDays - FirstDay;
        _bytes = new byte[days * DateBytes];
        for (var i = 0; i < days; i++)
        {
            var text = SyntheticCalendar.ToDate(FirstDay + i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Encoding.ASCII.GetBytes(text, _bytes.AsSpan(i * DateBytes, DateBytes));
        }
    }

    public int Write(Span<byte> target, int day)
    {
        _bytes.AsSpan((day - FirstDay) * DateBytes, DateBytes).CopyTo(target);
        return DateBytes;
    }
}
