namespace Scim.Api.Http;

/// <summary>
/// A read-only view of a request body that fails with 413 once more than a given number of bytes has been read: the
/// limit of a body sent without <c>Content-Length</c> (chunked), which is only known to be too long while it is read.
/// </summary>
/// <param name="inner">The request body.</param>
/// <param name="maxBytes">How many bytes may be read.</param>
internal sealed class LengthLimitedStream(Stream inner, long maxBytes) : Stream
{
    private long read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    // The same exception Kestrel throws for a body over its own limit, so both end in one 413.
    private int Counted(int bytes)
    {
        read += bytes;
        return read > maxBytes
            ? throw new BadHttpRequestException($"The request body is longer than {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge)
            : bytes;
    }
}
