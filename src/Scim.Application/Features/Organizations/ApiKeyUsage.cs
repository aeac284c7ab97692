using System.Collections.Concurrent;

namespace Scim.Application.Features.Organizations;

/// <summary>
/// The minutes in which this process saw each API key used, kept in memory until <see cref="FlushApiKeyUsage"/> writes
/// them as <see cref="Domain.Organizations.ApiKey.LastUsedUtc"/>. A request only reads a map (and, on a key's first use
/// in a minute, writes two entries), so noting a use costs no database access; what has not been flushed when the
/// process stops without a graceful shutdown is lost, at most one flush interval of uses.
/// </summary>
public sealed class ApiKeyUsage
{
    // Key id → the minute (ticks) of its latest noted use: read on every request, written once a minute per key.
    private readonly ConcurrentDictionary<Guid, long> noted = new();

    // Key id → the minute (ticks) waiting to be written.
    private readonly ConcurrentDictionary<Guid, long> pending = new();

    /// <summary>True when some use has been noted since the last <see cref="Take"/>.</summary>
    public bool HasPending => !pending.IsEmpty;

    /// <summary>Notes that key <paramref name="keyId"/> was used at <paramref name="now"/>, unless a use in the same minute was noted.</summary>
    public void Note(Guid keyId, DateTimeOffset now)
    {
        var minute = now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute);
        if (noted.TryGetValue(keyId, out var last) && last >= minute)
        {
            return;
        }

        noted[keyId] = minute;
        pending[keyId] = minute;
    }

    /// <summary>
    /// Takes the uses noted since the last call: for each key, the minute (UTC) of its latest. Uses noted meanwhile stay
    /// for the next call. Keys not used since the minute before <paramref name="now"/> are forgotten, so the map holds
    /// only the keys in use.
    /// </summary>
    public IReadOnlyList<(Guid KeyId, DateTime MinuteUtc)> Take(DateTimeOffset now)
    {
        var taken = new List<(Guid, DateTime)>(pending.Count);
        foreach (var entry in pending)
        {
            // Removes the entry only if no later minute replaced it since it was read.
            if (pending.TryRemove(entry))
            {
                taken.Add((entry.Key, new DateTime(entry.Value, DateTimeKind.Utc)));
            }
        }

        var stale = now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute) - TimeSpan.TicksPerMinute;
        foreach (var entry in noted)
        {
            if (entry.Value < stale)
            {
                noted.TryRemove(entry);
            }
        }

        return taken;
    }

    /// <summary>Puts back uses whose write failed, so the next flush tries them again (unless a later use replaced them).</summary>
    public void Restore(IEnumerable<(Guid KeyId, DateTime MinuteUtc)> uses)
    {
        ArgumentNullException.ThrowIfNull(uses);
        foreach (var (keyId, minuteUtc) in uses)
        {
            pending.AddOrUpdate(keyId, minuteUtc.Ticks, (_, current) => Math.Max(current, minuteUtc.Ticks));
        }
    }
}
