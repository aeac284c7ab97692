using Microsoft.EntityFrameworkCore;
using Scim.Domain.Organizations;
using Scim.Protocol;

namespace Scim.Application.Features.Organizations;

/// <summary>Lookups shared by the organization and key commands.</summary>
internal static class OrganizationQueries
{
    /// <summary>The organization whose id or (case-insensitive) name is <paramref name="idOrName"/>, or null.</summary>
    public static Task<Organization?> FindByIdOrNameAsync(
        this IQueryable<Organization> organizations, string idOrName, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(idOrName, out var id))
        {
            return organizations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        }

        var normalized = idOrName.Trim().ToLowerInvariant();
        return organizations.FirstOrDefaultAsync(o => o.NameNormalized == normalized, cancellationToken);
    }

    /// <summary>
    /// True when the organization exists and is not being deleted: what an administration read of it needs (one primary
    /// key lookup).
    /// </summary>
    public static Task<bool> IsInUseAsync(this IQueryable<Organization> organizations, Guid id, CancellationToken cancellationToken) =>
        organizations.AnyAsync(o => o.Id == id && o.DeletionRequestedUtc == null, cancellationToken);

    /// <summary>404 for an organization that does not exist or is being deleted.</summary>
    public static ScimError NotFound(Guid id) => ScimError.NotFound($"No organization has the id '{id}', or it is being deleted.");
}
