using DuckDB.NET.Data;
using Segmenta.Core;
using Segmenta.Data.Output;

namespace Segmenta.Data.Tests.Faults;

/// <summary>
/// Faults during output (issue 10 item 4): the disk fills up half-way (simulated: a stream that throws the ENOSPC
/// IOException after some bytes, injected through <see cref="AtomicFile.StreamWrapper"/>, or a writer failing with
/// DuckDB's "No space left on device"; bench/reliability.sh disk-full repeats it with the real CLI on a 1 MiB tmpfs),
/// or the target cannot be written. Each gives a clear <see cref="SegmentaInputException"/>
/// (exit code 2), leaves any earlier file unchanged and no temporary file behind.
/// </summary>
public sealed class OutputFaultTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly DuckDBConnection _db = new("DataSource=:memory:");

    public OutputFaultTests()
    {
        _db.Open();
        Segmenta.Data.Import.Db.Execute(_db, "CREATE TABLE seg AS SELECT 'C' || i AS customer_id, i * 1.5 AS monetary FROM range(20000) t(i)");
    }

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void WriteStream_DiskFullHalfWay_ClearErrorOldFileKeptNoTempLeft()
    {
        var path = _dir.File("rejects.csv");
        File.WriteAllText(path, "previous complete file\n");
        AtomicFile.StreamWrapper.Value = inner => new DiskFullAfter(inner, 64 << 10);
        try
        {
            var e = Assert.Throws<SegmentaInputException>(() => AtomicFile.WriteStream(path, s => s.Write(new byte[200_000])));
            Assert.Contains("rejects.csv: could not be written, the disk is full", e.Message, StringComparison.Ordinal);
            Assert.Contains("磁盘已满", e.Message, StringComparison.Ordinal);
            Assert.IsType<IOException>(e.InnerException);
        }
        finally
        {
            AtomicFile.StreamWrapper.Value = null;
        }

        Assert.Equal("previous complete file\n", File.ReadAllText(path));
        Assert.Equal(["rejects.csv"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName));
    }

    /// <summary>customers.csv is written by a DuckDB COPY into the temporary file; a full disk surfaces as its IO error.</summary>
    [Fact]
    public void Write_CopyFailsOnFullDisk_ClearErrorNothingLooksValid()
    {
        var path = _dir.File("customers.csv");
        var e = Assert.Throws<SegmentaInputException>(() => AtomicFile.Write(path, temp =>
        {
            File.WriteAllText(temp, "customer_id,segment\nC1,Champ"); // a truncated body, as a COPY leaves it
            throw new InvalidOperationException($"IO Error: Could not write file \"{temp}\": No space left on device");
        }));
        Assert.Contains("customers.csv: could not be written, the disk is full", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir.Path));

        CustomerTableExporter.WriteCsv(_db, "seg", path); // the real export succeeds once there is space again
        Assert.Equal(20_001, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void WriteCsv_TargetIsADirectory_ClearError()
    {
        var path = _dir.File("customers.csv");
        Directory.CreateDirectory(path);
        var e = Assert.Throws<SegmentaInputException>(() => CustomerTableExporter.WriteCsv(_db, "seg", path));
        Assert.Contains("customers.csv: could not be written", e.Message, StringComparison.Ordinal);
        Assert.Contains("not open in another program", e.Message, StringComparison.Ordinal);
        Assert.Single(Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public void Write_FolderIsAFile_ClearError()
    {
        var blocker = _dir.File("out");
        File.WriteAllText(blocker, "a file where a folder should be");
        var e = Assert.Throws<SegmentaInputException>(() => AtomicFile.Write(Path.Combine(blocker, "summary.json"), temp => File.WriteAllText(temp, "{}")));
        Assert.Contains("summary.json: could not be written", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DiskFull_RecognisedByErrnoAndMessage()
    {
        Assert.True(AtomicFile.IsDiskFull(new IOException("x", 28)));
        Assert.True(AtomicFile.IsDiskFull(new InvalidOperationException("IO Error: Could not write file \"x\": No space left on device")));
        Assert.False(AtomicFile.IsDiskFull(new IOException("Permission denied", 13)));
    }

    /// <summary>A stream that accepts <c>limit</c> bytes, then fails like a full disk (ENOSPC).</summary>
    private sealed class DiskFullAfter(Stream inner, long limit) : Stream
    {
        private long _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _written;

        public override long Position { get => _written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (_written + count > limit)
            {
                throw new IOException("No space left on device : 'customers.csv'", 28);
            }

            inner.Write(buffer, offset, count);
            _written += count;
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
