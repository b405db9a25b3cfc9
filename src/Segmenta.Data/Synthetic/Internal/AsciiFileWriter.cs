using System.Text;

namespace Segmenta.Data.Synthetic.Internal;

/// <summary>
/// Buffered ASCII output for generated CSV files: fields are formatted straight into a byte buffer
/// (no strings, no culture) and written in 1 MiB blocks.
/// </summary>
internal sealed class AsciiFileWriter : IDisposable
{
    private const int BufferSize = 1 << 20;

    /// <summary>Upper bound on the bytes of one generated row.</summary>
    public const int MaxRowBytes = 256;

    private readonly FileStream _stream;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _length;

    public AsciiFileWriter(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
    }

    /// <summary>Room for one more row of at most <paramref name="bytes"/> bytes.</summary>
    public Span<byte> Reserve(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            Flush();
        }

        return _buffer.AsSpan(_length);
    }

    public void Advance(int bytes) => _length += bytes;

    public void WriteLine(string asciiText)
    {
        var span = Reserve(asciiText.Length + 1);
        var n = Encoding.ASCII.GetBytes(asciiText, span);
        span[n] = (byte)'\n';
        Advance(n + 1);
    }

    public void Flush()
    {
        _stream.Write(_buffer, 0, _length);
        _length = 0;
    }

    public void Dispose()
    {
        Flush();
        _stream.Dispose();
    }
}
