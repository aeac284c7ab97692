using System.Collections.Concurrent;
using System.Net;
using Scim.Application.Common;

namespace Scim.Api.Observability;

/// <summary>
/// Logs refused bearer tokens (Warning, category <c>Scim.Authentication</c>) with the client's address and the token's
/// key prefix (the first <see cref="ApiKeyToken.PrefixLength"/> characters of a <c>scim_</c> token, never more, and
/// nothing of any other token), sampled: at most one line per address per <see cref="Window"/>, which counts the lines
/// it stood for. Past <see cref="MaxAddresses"/> addresses in one window, the others share one line.
/// </summary>
public sealed partial class FailedAuthentications(ILoggerFactory loggers, TimeProvider time)
{
    /// <summary>The sampling window of one address.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    /// <summary>Addresses tracked at once.</summary>
    public const int MaxAddresses = 10_000;

    private static readonly IPAddress Others = IPAddress.None;
    private readonly ILogger logger = loggers.CreateLogger("Scim.Authentication");
    private readonly ConcurrentDictionary<IPAddress, Sample> samples = new();

    /// <summary>Counts a refused <paramref name="token"/> from <paramref name="address"/>, and logs it unless its address had a line in this window.</summary>
    /// <param name="address">The client's address (after forwarded headers, when the server trusts them).</param>
    /// <param name="token">The bearer token sent.</param>
    /// <param name="reason">The fixed reason (unknown, revoked, expired).</param>
    public void Record(IPAddress? address, string token, string reason)
    {
        if (!logger.IsEnabled(LogLevel.Warning))
        {
            return;
        }

        var now = time.GetTimestamp();
        var key = address ?? Others;
        if (!samples.ContainsKey(key) && samples.Count >= MaxAddresses)
        {
            foreach (var (stale, sample) in samples)
            {
                if (time.GetElapsedTime(sample.Started, now) >= Window)
                {
                    samples.TryRemove(stale, out _);
                }
            }

            key = samples.Count >= MaxAddresses ? Others : key;
        }

        var current = samples.GetOrAdd(key, static (_, now) => new Sample(now), now);
        int suppressed;
        lock (current)
        {
            if (current.Logged && time.GetElapsedTime(current.Started, now) < Window)
            {
                current.Suppressed++;
                return;
            }

            suppressed = current.Suppressed;
            current.Started = now;
            current.Suppressed = 0;
            current.Logged = true;
        }

        var prefix = token.StartsWith("scim_", StringComparison.Ordinal) && token.Length >= ApiKeyToken.PrefixLength
            ? LogText.Of(token[..ApiKeyToken.PrefixLength])
            : "(not a SCIM key)";
        Refused(logger, reason, key == Others && address is not null ? "(many addresses)" : address?.ToString() ?? "(unknown)", prefix, suppressed);
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning,
        Message = "Refused a bearer token ({Reason}) from {ClientAddress}, key prefix {KeyPrefix}; {Suppressed} refusals from this address since its previous line were not logged")]
    private static partial void Refused(ILogger logger, string reason, string clientAddress, string keyPrefix, int suppressed);

    private sealed class Sample(long started)
    {
        public long Started { get; set; } = started;

        public int Suppressed { get; set; }

        public bool Logged { get; set; }
    }
}
