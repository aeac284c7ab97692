using Mapster;
using Scim.Domain.Groups;

namespace Scim.Application.Features.Groups;

/// <summary>Shape mapping from <see cref="ScimGroup"/> (a request body) to <see cref="Group"/>; members are written separately, and reads render groups from their columns.</summary>
internal sealed class GroupMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<ScimGroup, Group>()
            .Map(d => d.DisplayName, s => s.DisplayName ?? "")
            .Ignore(d => d.Id, d => d.OrganizationId, d => d.Members, d => d.CreatedUtc, d => d.LastModifiedUtc, d => d.DisplayNameNormalized);
    }
}
