namespace Scim.Api.Http;

/// <summary>
/// The slots of request bodies over <see cref="Threshold"/> bytes (or of unknown length) that may be read at once, so
/// many large uploads at the same time cannot take the server's memory: a body waits at most
/// <see cref="RequestBodyOptions.QueueTimeout"/> for a slot, then is answered 503 with <c>Retry-After</c>.
/// </summary>
/// <param name="options">The <c>Scim:RequestBodies</c> settings (validated at start).</param>
public sealed class LargeRequestBodies(RequestBodyOptions options) : IDisposable
{
    /// <summary>Bodies longer than this many bytes (64 KiB) take a slot; a SCIM resource or PATCH is far smaller.</summary>
    public const long Threshold = 64 * 1024;

    private readonly SemaphoreSlim slots = new(options.MaxConcurrentLarge, options.MaxConcurrentLarge);

    /// <summary>How long a large body waits for a slot.</summary>
    public TimeSpan QueueTimeout => options.QueueTimeout;

    /// <summary>How many large bodies are being read now (slots taken), from 0 to <see cref="RequestBodyOptions.MaxConcurrentLarge"/>.</summary>
    public int Reading => options.MaxConcurrentLarge - slots.CurrentCount;

    /// <summary>Takes a slot, waiting at most <see cref="QueueTimeout"/>; null when none freed up in time.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancellationToken) =>
        await slots.WaitAsync(options.QueueTimeout, cancellationToken) ? new Slot(slots) : null;

    /// <inheritdoc/>
    public void Dispose() => slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
