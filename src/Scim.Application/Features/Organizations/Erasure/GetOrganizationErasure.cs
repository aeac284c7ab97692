using Mediator;
using Scim.Application.Common.Persistence;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations.Erasure;

/// <summary>
/// How far the erasure of a deleted organization has come (<see cref="DeleteOrganization"/>); 404 once it is gone, or
/// when it was never deleted.
/// </summary>
public static class GetOrganizationErasure
{
    /// <param name="OrganizationId">The organization being erased.</param>
    public sealed record Query(Guid OrganizationId) : IQuery<Result<OrganizationErasureStatus>>;

    internal sealed class Handler(IScimDbContext db) : IQueryHandler<Query, Result<OrganizationErasureStatus>>
    {
        public async ValueTask<Result<OrganizationErasureStatus>> Handle(Query query, CancellationToken cancellationToken) =>
            await OrganizationErasureStatus.ReadAsync(db, query.OrganizationId, cancellationToken) is { } status
                ? status
                : ScimError.NotFound(
                    $"No organization with the id '{query.OrganizationId}' is being erased: its erasure has ended, or it was never deleted.");
    }
}
