using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations;

/// <summary>Creates an organization (a tenant). Names are unique, case-insensitively.</summary>
public static class CreateOrganization
{
    /// <summary>The organization's display name.</summary>
    public sealed record Command(string Name) : ICommand<Result<Organization>>;

    internal sealed class Handler(IScimDbContext db, TimeProvider clock, IDatabaseFailures failures) : ICommandHandler<Command, Result<Organization>>
    {
        public async ValueTask<Result<Organization>> Handle(Command command, CancellationToken cancellationToken)
        {
            var name = command.Name.Trim();
            if (name.Length == 0)
            {
                return ScimError.InvalidValue("An organization needs a non-empty name.");
            }

            var organization = new Organization { Name = name, CreatedUtc = clock.GetUtcNow().UtcDateTime };
            organization.Normalize();
            if (await db.Organizations.AnyAsync(o => o.NameNormalized == organization.NameNormalized, cancellationToken))
            {
                return NameTaken(name);
            }

            db.Organizations.Add(organization);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (failures.Classify(ex) == DatabaseFailure.UniqueViolation)
            {
                // The check above lost a race: another process (a second server's first start, a second 'orgs create')
                // took the name between the check and the insert.
                return NameTaken(name);
            }

            return organization;
        }

        private static ScimError NameTaken(string name) => ScimError.Uniqueness($"An organization named '{name}' already exists.");
    }
}
