using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations;

/// <summary>Reads one organization by id (a primary-key lookup); 404 when there is none or it is being deleted.</summary>
public static class GetOrganization
{
    /// <param name="Id">The organization's id.</param>
    public sealed record Query(Guid Id) : IQuery<Result<Organization>>;

    internal sealed class Handler(IScimDbContext db) : IQueryHandler<Query, Result<Organization>>
    {
        public async ValueTask<Result<Organization>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Organizations.AsNoTracking().InUse().FirstOrDefaultAsync(o => o.Id == query.Id, cancellationToken) is { } organization
                ? organization
                : OrganizationQueries.NotFound(query.Id.ToString());
    }
}
