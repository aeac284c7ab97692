using Microsoft.EntityFrameworkCore;
using Scim.Domain.Organizations;

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
}
