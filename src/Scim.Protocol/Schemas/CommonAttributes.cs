using static Scim.Protocol.Schemas.AttributeFactory;

namespace Scim.Protocol.Schemas;

/// <summary>
/// The attributes every resource carries outside any schema (RFC 7643 §3.1): <c>id</c>, <c>externalId</c>, <c>meta</c>.
/// They are not listed in <c>/Schemas</c> (RFC 7643 §7) but are looked up like core attributes.
/// </summary>
public static class CommonAttributes
{
    /// <summary><c>id</c>: assigned by the server, readOnly, case-exact, always returned.</summary>
    public static readonly AttributeDefinition Id = new()
    {
        Name = "id",
        Description = "A unique identifier for a SCIM resource as defined by the service provider.",
        CaseExact = true,
        Mutability = Mutability.ReadOnly,
        Returned = Returned.Always,
        Uniqueness = Uniqueness.Server,
    };

    /// <summary><c>externalId</c>: the client's identifier, case-exact.</summary>
    public static readonly AttributeDefinition ExternalId =
        Text("externalId", "A String that is an identifier for the resource as defined by the provisioning client.", caseExact: true);

    /// <summary><c>meta</c>: readOnly resource metadata.</summary>
    public static readonly AttributeDefinition Meta = new()
    {
        Name = "meta",
        Type = AttributeType.Complex,
        Description = "A complex attribute containing resource metadata.",
        Mutability = Mutability.ReadOnly,
        SubAttributes =
        [
            new() { Name = "resourceType", Description = "The name of the resource type of the resource.", CaseExact = true, Mutability = Mutability.ReadOnly },
            new() { Name = "created", Type = AttributeType.DateTime, Description = "The DateTime that the resource was added to the service provider.", Mutability = Mutability.ReadOnly },
            new() { Name = "lastModified", Type = AttributeType.DateTime, Description = "The most recent DateTime that the details of this resource were updated.", Mutability = Mutability.ReadOnly },
            new() { Name = "location", Type = AttributeType.Reference, Description = "The URI of the resource being returned.", ReferenceTypes = ["uri"], CaseExact = true, Mutability = Mutability.ReadOnly },
            new() { Name = "version", Description = "The version of the resource being returned.", CaseExact = true, Mutability = Mutability.ReadOnly },
        ],
    };

    /// <summary>All three, in the order they are written in a resource.</summary>
    public static readonly IReadOnlyList<AttributeDefinition> All = [Id, ExternalId, Meta];

    /// <summary>Finds a common attribute by name, case-insensitively; null when there is none.</summary>
    public static AttributeDefinition? Find(string name) => SchemaLookup.Find(All, name);
}
