using Scim.Domain.Journal;

namespace Scim.Infrastructure.Writes;

/// <summary>What both providers check of a journal row, an organization or an API key before a write inserts it.</summary>
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

    /// <summary>
    /// Checks that a row of organization <paramref name="rowOrganizationId"/> (an organization's own row, an API key) may be
    /// inserted by a write bound to <paramref name="organizationId"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The row is of another organization.</exception>
    public static void CheckOrganization(Guid rowOrganizationId, Guid organizationId, string row)
    {
        if (rowOrganizationId != organizationId)
        {
            throw new InvalidOperationException($"A write of organization {organizationId} cannot insert {row} of organization {rowOrganizationId}.");
        }
    }
}
