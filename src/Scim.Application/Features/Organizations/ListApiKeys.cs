using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations;

/// <summary>Lists an organization's API keys (never their secrets), newest first; 404 for an organization unknown or being deleted.</summary>
public static class ListApiKeys
{
    /// <param name="Organization">The organization's id or name.</param>
    public sealed record Query(string Organization) : IQuery<Result<IReadOnlyList<ApiKey>>>;

    internal sealed class Handler(IScimDbContext db) : IQueryHandler<Query, Result<IReadOnlyList<ApiKey>>>
    {
        public async ValueTask<Result<IReadOnlyList<ApiKey>>> Handle(Query query, CancellationToken cancellationToken)
        {
            var organization = await db.Organizations.FindByIdOrNameAsync(query.Organization, cancellationToken);
            if (organization is null)
            {
                return OrganizationQueries.NotFound(query.Organization);
            }

            var keys = await db.ApiKeys.AsNoTracking()
                .Where(k => k.OrganizationId == organization.Id)
                .OrderByDescending(k => k.CreatedUtc)
                .ToListAsync(cancellationToken);
            return keys;
        }
    }
}
