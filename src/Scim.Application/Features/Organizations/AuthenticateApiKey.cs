using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Domain.Organizations;

namespace Scim.Application.Features.Organizations;

/// <summary>Finds the valid (not revoked) API key of a bearer token, by the token's hash; see <see cref="ApiKeyCache"/>.</summary>
public static class AuthenticateApiKey
{
    /// <param name="Token">The bearer token as sent.</param>
    public sealed record Query(string Token) : IQuery<ApiKey?>;

    internal sealed class Handler(IScimDbContext db, ApiKeyCache cache) : IQueryHandler<Query, ApiKey?>
    {
        public async ValueTask<ApiKey?> Handle(Query query, CancellationToken cancellationToken)
        {
            var hash = ApiKeyToken.Hash(query.Token);
            if (cache.Find(hash) is { } remembered)
            {
                return remembered;
            }

            var key = await db.ApiKeys.AsNoTracking()
                .FirstOrDefaultAsync(k => k.SecretHash == hash && k.RevokedUtc == null, cancellationToken);
            if (key is not null)
            {
                cache.Remember(key);
            }

            return key;
        }
    }
}
