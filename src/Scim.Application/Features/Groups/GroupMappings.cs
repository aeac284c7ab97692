using Mapster;
using Scim.Application.Common.Resources;
using Scim.Domain.Groups;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Groups;

/// <summary>Shape mapping between <see cref="Group"/> and <see cref="ScimGroup"/>; members are loaded and written separately.</summary>
internal sealed class GroupMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Group, ScimGroup>()
            .Map(d => d.Id, s => s.Id.ToString())
            .Map(d => d.Schemas, _ => new List<string> { ScimSchemaUris.Group })
            .Map(d => d.Meta, s => new ScimMeta { ResourceType = "Group", Created = s.CreatedUtc, LastModified = s.LastModifiedUtc, Location = "/Groups/" + s.Id.ToString() })
            .Ignore(d => d.Members!);

        config.NewConfig<ScimGroup, Group>()
            .Map(d => d.DisplayName, s => s.DisplayName ?? "")
            .Ignore(d => d.Id, d => d.OrganizationId, d => d.Members, d => d.CreatedUtc, d => d.LastModifiedUtc, d => d.DisplayNameNormalized);
    }
}
