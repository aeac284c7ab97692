using Scim.Domain.Groups;
using Scim.Seeder.Generation;

namespace Scim.Seeder.Database;

/// <summary>A generated group as the server's <see cref="Group"/> entity, as the server creates one (version 1, normalized name).</summary>
internal static class SeedGroupEntity
{
    public static Group Create(SeedGroup seed, Guid organizationId)
    {
        var group = new Group
        {
            Id = seed.Id,
            OrganizationId = organizationId,
            DisplayName = seed.DisplayName,
            ExternalId = seed.ExternalId,
            CreatedUtc = seed.CreatedUtc,
            LastModifiedUtc = seed.CreatedUtc,
            Version = 1,
        };
        group.Normalize();
        return group;
    }
}
