using System.Text.Json.Nodes;
using Mediator;
using Microsoft.Extensions.Logging;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Users;
using Scim.Protocol;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Users;

/// <summary>POST /Users (RFC 7644 §3.3): creates a user; 409 uniqueness when the userName is taken.</summary>
public static class CreateUser
{
    /// <param name="Body">The request body as sent.</param>
    public sealed record Command(JsonObject Body) : ICommand<Result<ScimBody>>;

    internal sealed class Handler(IScimDbContext db, OrganizationContext organization, TimeProvider clock, ILogger<Command> logger)
        : ICommandHandler<Command, Result<ScimBody>>
    {
        public async ValueTask<Result<ScimBody>> Handle(Command command, CancellationToken cancellationToken)
        {
            var resource = ResourceInput.Read(command.Body, ResourceTypeDefinition.User, logger);
            if (!resource.IsSuccess)
            {
                return resource.Error;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var user = new User { OrganizationId = organization.OrganizationId, CreatedUtc = now, LastModifiedUtc = now };

            // The manager check and the insert share one transaction, so the manager cannot vanish in between.
            await using var transaction = await db.BeginWriteAsync(cancellationToken);
            var error = await UserWriter.ApplyAsync(db, user, resource.Value!, cancellationToken);
            if (error is null)
            {
                db.Users.Add(user);
                error = await UserWriter.SaveAsync(db, user, cancellationToken);
            }

            if (error is not null)
            {
                return error;
            }

            await transaction.CommitAsync(cancellationToken);
            return await UserResources.ReadWrittenAsync(db, user.Id, cancellationToken);
        }
    }
}
