using System.Buffers;

namespace Scim.Api.Http;

/// <summary>
/// Where a response body is written. It gathers the body in a pooled buffer, so a body that stays small (a resource,
/// a page) goes out in one write with a <c>Content-Length</c>. When a body grows past
/// <see cref="Application.Common.Resources.ScimJsonOutput.SendThreshold"/> and its renderer asks to send (a group's
/// members), the response starts (chunked) and the rest goes straight into the response pipe, flushed each time the
/// renderer asks, so that memory stays constant while the client reads.
/// </summary>
internal sealed class ResponseBodyWriter(HttpResponse response) : IBufferWriter<byte>, IDisposable
{
    private const int InitialSize = 4096;

    private byte[]? buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int length;
    private bool started;

    public void Advance(int count) => length += count;

    public Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).Span;

    /// <summary>Sends what is gathered so far (the first time, starting the response) and gathers the rest anew.</summary>
    public async ValueTask SendAsync(CancellationToken cancellationToken)
    {
        started = true;
        await response.BodyWriter.WriteAsync(buffer.AsMemory(0, length), cancellationToken);
        length = 0;
    }

    /// <summary>Ends the body: sends a gathered body whole, with its length, or the rest of a started one.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (!started)
        {
            response.ContentLength = length;
        }

        await response.BodyWriter.WriteAsync(buffer.AsMemory(0, length), cancellationToken);
    }

    public void Dispose() => ReturnBuffer();

    private Memory<byte> Reserve(int sizeHint)
    {
        var needed = length + Math.Max(sizeHint, 1);
        if (needed > buffer!.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, 2 * buffer.Length));
            buffer.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        return buffer.AsMemory(length);
    }

    private void ReturnBuffer()
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = null;
        }
    }
}
