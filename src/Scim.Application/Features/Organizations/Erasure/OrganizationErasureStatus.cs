using Microsoft.EntityFrameworkCore;
using Scim.Application.Common.Persistence;

namespace Scim.Application.Features.Organizations.Erasure;

/// <summary>How far the erasure of a deleted organization has come.</summary>
/// <param name="OrganizationId">The organization being erased.</param>
/// <param name="DeletionRequestedUtc">When its deletion was asked for (UTC); its keys were revoked then.</param>
/// <param name="RemainingUsers">Users not yet erased (the organization's kept count).</param>
/// <param name="RemainingGroups">Groups not yet erased, each with its memberships.</param>
public sealed record OrganizationErasureStatus(Guid OrganizationId, DateTime DeletionRequestedUtc, long RemainingUsers, long RemainingGroups)
{
    /// <summary>The status of the organization's erasure; null when it is not marked deleted (or does not exist).</summary>
    internal static async Task<OrganizationErasureStatus?> ReadAsync(IScimDbContext db, Guid organizationId, CancellationToken cancellationToken)
    {
        var requested = await db.Organizations.AsNoTracking()
            .Where(o => o.Id == organizationId).Select(o => o.DeletionRequestedUtc).FirstOrDefaultAsync(cancellationToken);
        if (requested is null)
        {
            return null;
        }

        // The counts the triggers keep: one row per slot, no walk of the directory.
        var counts = await db.OrganizationCounts.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.OrganizationId == organizationId)
            .GroupBy(c => c.OrganizationId)
            .Select(g => new { Users = g.Sum(c => c.Users), Groups = g.Sum(c => c.Groups) })
            .FirstOrDefaultAsync(cancellationToken);
        return new(organizationId, requested.Value, counts?.Users ?? 0, counts?.Groups ?? 0);
    }
}
