using System.Net;
using System.Net.Http.Headers;

namespace Scim.Api.Tests.Hosting;

/// <summary>A request body sent with <c>Transfer-Encoding: chunked</c> (no <c>Content-Length</c>), in 16 KiB chunks, as <c>application/scim+json</c>.</summary>
internal sealed class ChunkedContent : HttpContent
{
    private readonly byte[] body;

    public ChunkedContent(byte[] body)
    {
        this.body = body;
        Headers.ContentType = new MediaTypeHeaderValue("application/scim+json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < body.Length; offset += 16 * 1024)
        {
            await stream.WriteAsync(body.AsMemory(offset, Math.Min(16 * 1024, body.Length - offset)));
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
