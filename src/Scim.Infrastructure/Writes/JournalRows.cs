using Scim.Domain.Journal;

namespace Scim.Infrastructure.Writes;

/// <summary>What both providers check of a journal row before a write inserts it.</summary>
internal static class JournalRows
{
    /// <summary>
    /// <paramref name="entry"/>, when it is of <paramref name="organizationId"/>, the organization the write is bound to:
    /// a write never records a change in another organization's journal.
    /// </summary>
    /// <exception cref="InvalidOperationException">The row is of another organization.</exception>
    public static JournalEntry OfOrganization(JournalEntry entry, Guid organizationId) =>
        entry.OrganizationId == organizationId
            ? entry
            : throw new InvalidOperationException($"A write of organization {organizationId} cannot append a journal row of organization {entry.OrganizationId}.");
}
