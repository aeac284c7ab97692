using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Journal;
using Scim.Application.Common.Persistence;
using Scim.Domain.Journal;
using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations;

/// <summary>
/// Revokes an API key, through the write path with its journal row (operation Revoke, resource type ApiKey) in the same
/// transaction: from then on it gets 401, at once from this process, and from a server running in another process once
/// its <see cref="ApiKeyCache"/> entry expires (<c>Scim:ApiKeyCacheSeconds</c>, 5 seconds by default). Revoking twice is
/// harmless: the second answers the key as it is and writes nothing. 404 for a key that does not exist, is not of
/// <see cref="Command.OrganizationId"/> when that is given, or is of an organization being deleted (whose keys that
/// deletion revoked); 404 for the organization when <see cref="Command.OrganizationId"/> is unknown or being deleted.
/// </summary>
public static class RevokeApiKey
{
    /// <param name="KeyId">The key's id as listed.</param>
    /// <param name="OrganizationId">The organization the key must belong to, or null for any (the command line).</param>
    public sealed record Command(Guid KeyId, Guid? OrganizationId = null) : ICommand<Result<ApiKey>>;

    internal sealed class Handler(IScimDbContext db, IResourceWriter writer, TimeProvider clock, ApiKeyCache cache, JournalRecorder journal)
        : ICommandHandler<Command, Result<ApiKey>>
    {
        public async ValueTask<Result<ApiKey>> Handle(Command command, CancellationToken cancellationToken)
        {
            var key = await FindAsync(command, cancellationToken);
            if (key is null)
            {
                if (command.OrganizationId is { } organizationId && !await db.Organizations.IsInUseAsync(organizationId, cancellationToken))
                {
                    return OrganizationQueries.NotFound(organizationId.ToString());
                }

                return ScimError.NotFound($"No API key has the id '{command.KeyId}'" + (command.OrganizationId is null ? "." : " in this organization."));
            }

            if (key.RevokedUtc is not null)
            {
                return key;
            }

            var now = clock.StoredNow();
            var change = journal.Administration(
                key.OrganizationId, nameof(RevokeApiKey), JournalOperation.Revoke, JournalResourceType.ApiKey, key.Id, "revoked", ApiKeyScopeNames.Describe(key));
            var written = await writer.WriteAsync<bool>(
                key.OrganizationId,
                1,
                async (session, _) =>
                {
                    // Stale: another request revoked it first, and journaled that.
                    if (await session.RevokeApiKeyAsync(key.Id, now) != WriteStatus.Written)
                    {
                        return false;
                    }

                    await session.JournalAsync(change);
                    return true;
                },
                cancellationToken);
            if (!written.IsSuccess)
            {
                return written.Error!;
            }

            cache.Forget(key.SecretHash);
            if (written.Value)
            {
                key.RevokedUtc = now;
                return key;
            }

            return await FindAsync(command, cancellationToken) is { } current ? current : ScimError.NotFound($"No API key has the id '{command.KeyId}'.");
        }

        private Task<ApiKey?> FindAsync(Command command, CancellationToken cancellationToken) =>
            db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(
                k => k.Id == command.KeyId && (command.OrganizationId == null || k.OrganizationId == command.OrganizationId)
                    && db.Organizations.InUse().Any(o => o.Id == k.OrganizationId),
                cancellationToken);
    }
}
