using System.Text.Json.Nodes;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Users;
using Scim.Protocol;
using Scim.Protocol.Patching;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Users;

/// <summary>
/// PATCH /Users/{id} (RFC 7644 §3.5.2) in both Entra dialects. All operations apply or none do; a request that
/// changes nothing leaves <c>meta.lastModified</c> alone.
/// </summary>
public static class PatchUser
{
    /// <param name="Id">The SCIM id from the URL.</param>
    /// <param name="Request">The PatchOp body.</param>
    public sealed record Command(string Id, PatchRequest Request) : ICommand<Result<ScimBody>>;

    internal sealed class Handler(IScimDbContext db, TimeProvider clock, ILogger<Command> logger)
        : ICommandHandler<Command, Result<ScimBody>>
    {
        public async ValueTask<Result<ScimBody>> Handle(Command command, CancellationToken cancellationToken)
        {
            // The read and the write share one transaction (BEGIN IMMEDIATE on SQLite): concurrent PATCHes queue
            // instead of overwriting each other.
            await using var transaction = await db.BeginWriteAsync(cancellationToken);
            var user = Guid.TryParse(command.Id, out var id)
                ? await db.Users.WithDetails().WithSpecification(new ResourceByIdSpec<User>(id)).FirstOrDefaultAsync(cancellationToken)
                : null;
            if (user is null)
            {
                return ScimError.NotFound($"User {command.Id} not found.");
            }

            var current = UserResources.ToJson(user);
            var outcome = PatchEngine.Apply(current, command.Request, ResourceTypeDefinition.User);
            if (!outcome.IsSuccess)
            {
                return outcome.Error;
            }

            Log.IgnoredAttributes(logger, "User", outcome.Value!.IgnoredAttributes);
            var patched = outcome.Value.Resource;
            if (JsonNode.DeepEquals(patched, current))
            {
                // Nothing to write: end the writer's turn before reading the answer.
                await transaction.CommitAsync(cancellationToken);
                return await UserResources.ReadWrittenAsync(db, user.Id, cancellationToken);
            }

            var error = await UserWriter.ApplyAsync(db, user, patched, cancellationToken);
            if (error is not null)
            {
                return error;
            }

            user.LastModifiedUtc = clock.GetUtcNow().UtcDateTime;
            user.Version++;
            if (await UserWriter.SaveAsync(db, user, cancellationToken) is { } saveError)
            {
                return saveError;
            }

            await transaction.CommitAsync(cancellationToken);
            return await UserResources.ReadWrittenAsync(db, user.Id, cancellationToken);
        }
    }
}
