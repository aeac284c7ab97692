using Scim.Domain.Journal;

namespace Scim.Application.Features.Journal;

/// <summary>
/// The journal rows of the organization's directory: changes of its users and groups and its failed SCIM requests,
/// without the rows of its administration (the organization's creation and renames, its keys' creation and revocation),
/// which are no provisioning. The activity, its provisioning runs and the change feed read these.
/// </summary>
internal static class DirectoryRows
{
    /// <summary>The rows of <paramref name="journal"/> that are the directory's (a condition on the rows read).</summary>
    public static IQueryable<JournalEntry> OfDirectory(this IQueryable<JournalEntry> journal) =>
        journal.Where(j => j.ResourceType == null || j.ResourceType == JournalResourceType.User || j.ResourceType == JournalResourceType.Group);

    /// <summary>True for a row of the directory.</summary>
    public static bool IsOfDirectory(this JournalRow row) => row.ResourceType is null or JournalResourceType.User or JournalResourceType.Group;
}
