using System.Text.Json.Nodes;
using Mediator;
using Microsoft.Extensions.Logging;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Groups;
using Scim.Protocol;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Groups;

/// <summary>POST /Groups (RFC 7644 §3.3): creates a group, with any members given; 409 uniqueness on a taken displayName.</summary>
public static class CreateGroup
{
    /// <param name="Body">The request body as sent.</param>
    public sealed record Command(JsonObject Body) : ICommand<Result<ScimBody>>;

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
            var now = clock.GetUtcNow().UtcDateTime;
            var group = new Group { OrganizationId = organization.OrganizationId, CreatedUtc = now, LastModifiedUtc = now };
            if (GroupWriter.Apply(group, resource.Value!) is { } error)
            {
                return error;
            }

            await using var transaction = await db.BeginWriteAsync(cancellationToken);
            db.Groups.Add(group);
            error = await GroupWriter.SaveAsync(db, group, cancellationToken)
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
