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

/// <summary>PUT /Users/{id} (RFC 7644 §3.5.1): replaces every writable attribute; omitted ones are cleared.</summary>
public static class ReplaceUser
{
    /// <param name="Id">The SCIM id from the URL.</param>
    /// <param name="Body">The request body as sent.</param>
    /// <param name="IfMatch">The versions the replacement may be applied to (RFC 7644 §3.14), or null for any: 412 when
    /// the user has another version.</param>
    public sealed record Command(string Id, JsonObject Body, ETagCondition? IfMatch = null) : ICommand<Result<ScimBody>>;

    internal sealed class Handler(
        IScimDbContext db, IResourceWriter writer, OrganizationContext organization, UserPasswords passwords, TimeProvider clock, ILogger<Command> logger)
        : ICommandHandler<Command, Result<ScimBody>>
    {
        public async ValueTask<Result<ScimBody>> Handle(Command command, CancellationToken cancellationToken)
        {
            var resource = ResourceInput.Read(command.Body, ResourceTypeDefinition.User, logger);
            if (!resource.IsSuccess)
            {
                return resource.Error;
            }

            var password = passwords.Take(resource.Value!);
            if (!password.IsSuccess)
            {
                return password.Error;
            }

            if (!Guid.TryParse(command.Id, out var id))
            {
                return ScimError.NotFound($"User {command.Id} not found.");
            }

            var written = await VersionedWrite.RunAsync("User", id, command.IfMatch, async () =>
            {
                var stored = await UserResources.ReadForPatchAsync(db, id, cancellationToken);
                if (stored is null)
                {
                    return ScimError.NotFound($"User {command.Id} not found.");
                }

                if (VersionedWrite.Check(command.IfMatch, "User", id, stored.Version) is { } changed)
                {
                    return changed;
                }

                var user = new User { Id = id, OrganizationId = organization.OrganizationId, LastModifiedUtc = clock.GetUtcNow().UtcDateTime, Version = stored.Version + 1 };
                // Null keeps the stored hash: a PUT without a password does not clear it.
                user.PasswordHash = password.Value;
                if (await UserWriter.ApplyAsync(db, user, resource.Value!, stored.ManagerId, cancellationToken) is { } invalid)
                {
                    return invalid;
                }

                return await writer.WriteAsync(
                    organization.OrganizationId,
                    1 + user.Values.Count + user.Addresses.Count,
                    async (session, _) => UserWriter.Outcome(await session.UpdateUserAsync(user, stored.Version, rowsChanged: true), user),
                    cancellationToken);
            }, cancellationToken);
            if (!written.IsSuccess)
            {
                return written.Error;
            }

            return await UserResources.ReadWrittenAsync(db, id, cancellationToken);
        }
    }
}
