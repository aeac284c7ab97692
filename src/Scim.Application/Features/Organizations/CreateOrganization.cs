using Mediator;
using Scim.Application.Common.Journal;
using Scim.Application.Common.Persistence;
using Scim.Domain.Journal;
using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations;

/// <summary>
/// Creates an organization (a tenant) through the write path, with its journal row (operation Create, resource type
/// Organization) in the same transaction. Names are unique, case-insensitively: 409 <c>uniqueness</c> for a taken one;
/// 400 <c>invalidValue</c> for a name <see cref="OrganizationNames.Check"/> refuses (empty, too long, unprintable characters).
/// </summary>
public static class CreateOrganization
{
    /// <summary>The organization's display name.</summary>
    public sealed record Command(string Name) : ICommand<Result<Organization>>;

    internal sealed class Handler(IResourceWriter writer, TimeProvider clock, JournalRecorder journal) : ICommandHandler<Command, Result<Organization>>
    {
        public async ValueTask<Result<Organization>> Handle(Command command, CancellationToken cancellationToken)
        {
            if (OrganizationNames.Check(command.Name) is { } invalid)
            {
                return invalid;
            }

            var organization = new Organization { Name = command.Name.Trim(), CreatedUtc = clock.StoredNow() };
            organization.Normalize();
            var change = journal.Administration(
                organization.Id, nameof(CreateOrganization), JournalOperation.Create, JournalResourceType.Organization, organization.Id, "name", organization.Name);
            // The unique index decides a race between two creates of one name (two servers' first starts, two 'orgs create').
            return await writer.WriteAsync(organization, change, (session, o) => session.InsertOrganizationAsync(o), cancellationToken);
        }
    }
}
