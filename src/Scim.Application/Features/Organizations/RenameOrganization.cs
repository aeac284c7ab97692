using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Journal;
using Scim.Application.Common.Persistence;
using Scim.Domain.Journal;
using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations;

/// <summary>
/// Gives an organization another name, through the write path with its journal row (operation Rename) in the same
/// transaction. 404 for an organization unknown or being deleted, 409 <c>uniqueness</c> when another organization has the name, 400
/// <c>invalidValue</c> as <see cref="CreateOrganization"/>. The name it has already (after trimming, character for
/// character) changes nothing: no write, no journal row; the same name in another case is a rename.
/// </summary>
public static class RenameOrganization
{
    /// <param name="Organization">The organization's id or name.</param>
    /// <param name="Name">Its new name.</param>
    public sealed record Command(string Organization, string Name) : ICommand<Result<Organization>>;

    internal sealed class Handler(IScimDbContext db, IResourceWriter writer, JournalRecorder journal) : ICommandHandler<Command, Result<Organization>>
    {
        public async ValueTask<Result<Organization>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (OrganizationNames.Check(command.Name) is { } invalid)
            {
                return invalid;
            }

            var organization = await db.Organizations.AsNoTracking().FindByIdOrNameAsync(command.Organization, cancellationToken);
            if (organization is null)
            {
                return OrganizationQueries.NotFound(command.Organization);
            }

            // The name it has already: nothing to write, nor to journal, however often a back office sends it.
            var name = command.Name.Trim();
            if (string.Equals(organization.Name, name, StringComparison.Ordinal))
            {
                return organization;
            }

            organization.Name = name;
            organization.Normalize();
            var change = journal.Administration(
                organization.Id, nameof(RenameOrganization), JournalOperation.Rename, JournalResourceType.Organization, organization.Id, "name", organization.Name);
            return await writer.WriteAsync(organization, change, (session, o) => session.RenameOrganizationAsync(o), cancellationToken);
        }
    }
}
