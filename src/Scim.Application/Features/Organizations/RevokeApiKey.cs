using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations;

/// <summary>
/// Revokes an API key: from then on it gets 401 (from a server running in another process, once its
/// <see cref="ApiKeyCache"/> entry expires). Revoking twice is harmless.
/// </summary>
public static class RevokeApiKey
{
    /// <param name="KeyId">The key's id as listed.</param>
    public sealed record Command(Guid KeyId) : ICommand<Result<ApiKey>>;

    internal sealed class Handler(IScimDbContext db, TimeProvider clock, ApiKeyCache cache) : ICommandHandler<Command, Result<ApiKey>>
    {
        public async ValueTask<Result<ApiKey>> Handle(Command command, CancellationToken cancellationToken)
        {
            var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.KeyId, cancellationToken);
            if (key is null)
            {
                return ScimError.NotFound($"No API key has the id '{command.KeyId}'.");
            }

            key.RevokedUtc ??= clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            cache.Forget(key.SecretHash);
            return key;
        }
    }
}
