using System.Text.Json.Nodes;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Groups;
using Scim.Protocol;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Groups;

/// <summary>PUT /Groups/{id} (RFC 7644 §3.5.1): replaces displayName, externalId and the member list (omitted members → none).</summary>
public static class ReplaceGroup
{
    /// <param name="Id">The SCIM id from the URL.</param>
    /// <param name="Body">The request body as sent.</param>
    public sealed record Command(string Id, JsonObject Body) : ICommand<Result<ScimBody>>;

    internal sealed class Handler(IScimDbContext db, OrganizationContext organization, TimeProvider clock, ILogger<Command> logger)
        : ICommandHandler<Command, Result<ScimBody>>
    {
        public async ValueTask<Result<ScimBody>> Handle(Command command, CancellationToken cancellationToken)
        {
            var resource = ResourceInput.Read(command.Body, ResourceTypeDefinition.Group, logger);
            if (!resource.IsSuccess)
            {
                return resource.Error;
            }

            var members = GroupMembership.TakeMembers(resource.Value!);
            await using var transaction = await db.BeginWriteAsync(cancellationToken);
            var group = Guid.TryParse(command.Id, out var id)
                ? await db.Groups.WithSpecification(new ResourceByIdSpec<Group>(id)).FirstOrDefaultAsync(cancellationToken)
                : null;
            if (group is null)
            {
                return ScimError.NotFound($"Group {command.Id} not found.");
            }

            group.LastModifiedUtc = clock.GetUtcNow().UtcDateTime;
            group.Version++;
            var error = GroupWriter.Apply(group, resource.Value!)
                ?? await GroupWriter.SaveAsync(db, group, cancellationToken)
                ?? await GroupMembership.ApplyAsync(db, organization.OrganizationId, group.Id, members, cancellationToken);
            if (error is not null)
            {
                return error;
            }

            await transaction.CommitAsync(cancellationToken);
            return await GroupResources.ReadWrittenAsync(db, group.Id, cancellationToken);
        }
    }
}
