using System.Globalization;

namespace Scim.IdpReplay;

/// <summary>
/// What every identity provider's cycle shares: the sender, the checks, the options and the log, and the order of a run
/// (a connection test that stops the run when the server refuses the token, then the provider's steps in order).
/// </summary>
internal abstract class ReplayCycle(ScimRequestSender http, ReplayOptions options, TextWriter log)
{
    protected ScimRequestSender Http { get; } = http;

    protected Checks Check { get; } = new(http);

    protected ReplayOptions Options { get; } = options;

    protected TextWriter Log { get; } = log;

    /// <summary>The provider's name as the log says it, e.g. <c>Okta</c>.</summary>
    protected abstract string Provider { get; }

    /// <summary>What the provider calls its connection test, e.g. <c>Test Connection</c>.</summary>
    protected abstract string ConnectionTest { get; }

    /// <summary>The sizes of this run, for the first log line.</summary>
    protected abstract string Sizes { get; }

    /// <summary>Runs the connection test, then, unless the server refused the token, every step in order.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Provider} provisioning cycle {Options.RunId}: {Sizes}"));
        if (!await ConnectAsync(ct))
        {
            Log.WriteLine($"{ConnectionTest} was refused (401/403); the cycle stops here, as {Provider}'s would.");
            return;
        }

        foreach (var step in Steps())
        {
            await step(ct);
        }
    }

    /// <summary>The connection test; false when the server refused the token (401/403).</summary>
    protected abstract Task<bool> ConnectAsync(CancellationToken ct);

    /// <summary>The provider's steps after the connection test, in the order its traffic brings them.</summary>
    protected abstract IEnumerable<Func<CancellationToken, Task>> Steps();
}
