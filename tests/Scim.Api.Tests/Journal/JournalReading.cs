using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Scim.Application.Features.Journal;
using Scim.Domain.Journal;
using Scim.Testing;

namespace Scim.Api.Tests.Journal;

/// <summary>Reads a server's journal through the query slice the HTTP API and the CLI read it with.</summary>
internal static class JournalReading
{
    /// <summary>The organization's rows after <paramref name="after"/>, in sequence order.</summary>
    public static async Task<IReadOnlyList<JournalRow>> ReadJournalAsync(this ScimApiFactory factory, Guid organizationId, long after = 0, int limit = ReadJournal.MaxLimit)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ReadJournal.Query(organizationId, after, limit));
    }

    /// <summary>
    /// The organization's committed changes of its directory (users and groups), in sequence order: not those of the
    /// organization itself and its keys, which every test's setup makes.
    /// </summary>
    public static async Task<List<JournalRow>> ReadChangesAsync(this ScimApiFactory factory, Guid organizationId) =>
        [.. (await factory.ReadJournalAsync(organizationId))
            .Where(r => r.Outcome == JournalOutcome.Committed && r.ResourceType is JournalResourceType.User or JournalResourceType.Group)];

    /// <summary>
    /// The organization's failed requests once there are <paramref name="count"/> of them: they are written shortly after
    /// their answer, so this reads until they are there (at most 30 s).
    /// </summary>
    public static async Task<List<JournalRow>> ReadFailuresAsync(this ScimApiFactory factory, Guid organizationId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var failures = (await factory.ReadJournalAsync(organizationId)).Where(r => r.Outcome == JournalOutcome.Failed).ToList();
            if (failures.Count >= count || DateTime.UtcNow > deadline)
            {
                return failures;
            }

            await Task.Delay(20);
        }
    }
}
