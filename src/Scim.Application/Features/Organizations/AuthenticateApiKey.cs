using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common;
using Scim.Application.Common.Persistence;
using Scim.Domain.Organizations;

namespace Scim.Application.Features.Organizations;

/// <summary>
/// Finds the API key of a bearer token by the token's hash and says whether it may be used now: unknown, revoked,
/// expired or valid. A valid key is remembered (<see cref="ApiKeyCache"/>) and its use noted in memory
/// (<see cref="ApiKeyUsage"/>), and its organization's rate limit read when
/// <see cref="OrganizationRateLimits"/> holds none fresh; neither of the first two costs a database write on the request's path.
/// </summary>
public static class AuthenticateApiKey
{
    /// <param name="Token">The bearer token as sent.</param>
    public sealed record Query(string Token) : IQuery<Response>;

    /// <summary>What the token is worth.</summary>
    /// <param name="Outcome">Whether the request may go on with this key.</param>
    /// <param name="Key">The key, unless <see cref="Outcome.Unknown"/>.</param>
    public sealed record Response(Outcome Outcome, ApiKey? Key);

    /// <summary>The verdict on a token.</summary>
    public enum Outcome
    {
        /// <summary>The key is neither revoked nor expired.</summary>
        Valid,

        /// <summary>No key has this token.</summary>
        Unknown,

        /// <summary>The key was revoked (<see cref="ApiKey.RevokedUtc"/>).</summary>
        Revoked,

        /// <summary>The key's <see cref="ApiKey.ExpiresUtc"/> has passed.</summary>
        Expired,
    }

    internal sealed class Handler(IScimDbContext db, ApiKeyCache cache, ApiKeyUsage usage, OrganizationRateLimits limits, TimeProvider clock) : IQueryHandler<Query, Response>
    {
        public async ValueTask<Response> Handle(Query query, CancellationToken cancellationToken)
        {
            var hash = ApiKeyToken.Hash(query.Token);
            var generation = cache.Generation;
            var key = cache.Find(hash);
            var remembered = key is not null;
            // One unique-index lookup by hash; revoked keys are read too, so their holder learns why they fail.
            key ??= await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.SecretHash == hash, cancellationToken);
            var now = clock.GetUtcNow();
            var outcome = key switch
            {
                null => Outcome.Unknown,
                { RevokedUtc: not null } => Outcome.Revoked,
                // Checked on every request, remembered or not: a key stops at its expiry, not a cache lifetime later.
                _ when key.HasExpiredAt(now.UtcDateTime) => Outcome.Expired,
                _ => Outcome.Valid,
            };
            if (outcome == Outcome.Valid)
            {
                if (!remembered)
                {
                    cache.Remember(key!, generation);
                }

                usage.Note(key!.Id, now);
                if (limits.IsStale(key.OrganizationId, out var before))
                {
                    // One primary-key read per organization per key-cache lifetime, so the rate limiter knows the
                    // organization's own limit without a read of its own.
                    var limit = await db.Organizations.AsNoTracking().Where(o => o.Id == key.OrganizationId)
                        .Select(o => new { o.RateLimitPerSecond, o.RateLimitBurst }).FirstOrDefaultAsync(cancellationToken);
                    limits.Refreshed(key.OrganizationId, limit?.RateLimitPerSecond, limit?.RateLimitBurst, before);
                }
            }

            return new Response(outcome, key);
        }
    }
}
