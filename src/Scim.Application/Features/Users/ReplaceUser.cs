using System.Text.Json.Nodes;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Users;
using Scim.Protocol;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Users;

/// <summary>PUT /Users/{id} (RFC 7644 §3.5.1): replaces every writable attribute; omitted ones are cleared.</summary>
public static class ReplaceUser
{
    /// <param name="Id">The SCIM id from the URL.</param>
    /// <param name="Body">The request body as sent.</param>
    public sealed record Command(string Id, JsonObject Body) : ICommand<Result<ScimBody>>;

    internal sealed class Handler(IScimDbContext db, TimeProvider clock, ILogger<Command> logger)
        : ICommandHandler<Command, Result<ScimBody>>
    {
        public async ValueTask<Result<ScimBody>> Handle(Command command, CancellationToken cancellationToken)
        {
            var resource = ResourceInput.Read(command.Body, ResourceTypeDefinition.User, logger);
            if (!resource.IsSuccess)
            {
                return resource.Error;
            }

            // The read and the write share one transaction (BEGIN IMMEDIATE on SQLite): concurrent writers queue.
            await using var transaction = await db.BeginWriteAsync(cancellationToken);
            var user = Guid.TryParse(command.Id, out var id)
                ? await db.Users.WithDetails().WithSpecification(new ResourceByIdSpec<User>(id)).FirstOrDefaultAsync(cancellationToken)
                : null;
            if (user is null)
            {
                return ScimError.NotFound($"User {command.Id} not found.");
            }

            var error = await UserWriter.ApplyAsync(db, user, resource.Value!, cancellationToken);
            if (error is null)
            {
                user.LastModifiedUtc = clock.GetUtcNow().UtcDateTime;
            user.Version++;
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
