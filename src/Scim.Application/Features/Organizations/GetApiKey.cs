using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations;

/// <summary>
/// Reads one API key by id (a primary-key lookup) of any organization, whatever its state: the owner's page checks on
/// every request that the key it was signed in with is still valid, and that a key it is asked to revoke is its
/// organization's. 404 when there is none.
/// </summary>
public static class GetApiKey
{
    /// <param name="Id">The key's id.</param>
    public sealed record Query(Guid Id) : IQuery<Result<ApiKey>>;

    internal sealed class Handler(IScimDbContext db) : IQueryHandler<Query, Result<ApiKey>>
    {
        public async ValueTask<Result<ApiKey>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == query.Id, cancellationToken) is { } key
                ? key
                : new ScimError(404, null, $"There is no API key {query.Id}.");
    }
}
