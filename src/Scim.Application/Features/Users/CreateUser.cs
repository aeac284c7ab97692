using System.Text.Json.Nodes;
using Mediator;
using Microsoft.Extensions.Logging;
using Scim.Application.Common;
using Scim.Application.Common.Journal;
using Scim.Application.Common.Persistence;
using Scim.Application.Common.Resources;
using Scim.Domain.Journal;
using Scim.Domain.Users;
using Scim.Protocol;
using Scim.Protocol.Projection;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Users;

/// <summary>
/// POST /Users (RFC 7644 §3.3): creates a user, active unless the body says <c>"active": false</c>; 409 uniqueness,
/// naming the user that has it, when the userName is taken (so a create sent again after a timeout creates no second
/// user and finds the first).
/// </summary>
public static class CreateUser
{
    /// <param name="Body">The request body as sent.</param>
    /// <param name="Projection">The attributes / excludedAttributes parameters (RFC 7644 §3.9) the answer honours; null for the default attribute set.</param>
    public sealed record Command(JsonObject Body, AttributeProjection? Projection = null) : ICommand<Result<ScimBody>>;

    internal sealed class Handler(
        IScimDbContext db, IResourceWriter writer, OrganizationContext organization, UserPasswords passwords, TimeProvider clock, JournalRecorder journal,
        ILogger<Command> logger)
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

            // The server's default for a new user (RFC 7644 §3.3 lets it assign one). PUT and PATCH assign none: there a
            // missing active stays unassigned, so they never make a deactivated user active.
            resource.Value!["active"] ??= true;
            var now = clock.GetUtcNow().UtcDateTime;
            var user = new User { OrganizationId = organization.OrganizationId, CreatedUtc = now, LastModifiedUtc = now, PasswordHash = password.Value };
            if (await UserWriter.ApplyAsync(db, user, resource.Value!, null, cancellationToken) is { } invalid)
            {
                return invalid;
            }

            var change = journal.Change(
                nameof(CreateUser),
                JournalOperation.Create,
                JournalResourceType.User,
                user.Id,
                user.Version,
                ChangedAttributes.Between(null, resource.Value!, password.Value is null ? null : UserSchema.Password.Name));
            var written = await writer.WriteAsync(
                organization.OrganizationId,
                1 + user.Values.Count + user.Addresses.Count,
                async (session, _) => await session.RecordAsync(UserWriter.Outcome(await session.InsertUserAsync(user), user), change),
                cancellationToken);
            if (!written.IsSuccess)
            {
                return await UserWriter.CreateFailureAsync(db, written.Error, user, cancellationToken);
            }

            return await UserResources.ReadWrittenAsync(db, user.Id, command.Projection, cancellationToken);
        }
    }
}
