using Mediator;
using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;
using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations;

/// <summary>Lists every organization (administration only; SCIM keys never see this), by name.</summary>
public static class ListOrganizations
{
    /// <summary>Asks for every organization ordered by lower-invariant name; returns them all (no paging) and never fails.</summary>
    public sealed record Query : IQuery<Result<IReadOnlyList<Organization>>>;

    internal sealed class Handler(IScimDbContext db) : IQueryHandler<Query, Result<IReadOnlyList<Organization>>>
    {
        public async ValueTask<Result<IReadOnlyList<Organization>>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Organizations.AsNoTracking().OrderBy(o => o.NameNormalized).ToListAsync(cancellationToken);
    }
}
