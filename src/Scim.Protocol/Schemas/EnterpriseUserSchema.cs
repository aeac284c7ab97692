using static Scim.Protocol.Schemas.AttributeFactory;

namespace Scim.Protocol.Schemas;

/// <summary>The enterprise User extension, <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User</c> (RFC 7643 §4.3, §8.7.1).</summary>
public static class EnterpriseUserSchema
{
    /// <summary>
    /// <c>manager</c> {<c>value</c>, <c>$ref</c> (readOnly), <c>displayName</c> (readOnly)}. Microsoft Entra sends it as a
    /// bare string id; the normaliser turns that into <c>{"value":"&lt;id&gt;"}</c>. <c>value</c> is an id, so
    /// case-exact (RFC 7643 §3.1); <c>$ref</c> (the manager's URL on this server) and <c>displayName</c> are derived from it
    /// at every read, so a client's values for them are ignored (RFC 7643 §8.7.1 has <c>$ref</c> readWrite: this server
    /// identifies the manager by <c>value</c> alone).
    /// </summary>
    public static readonly AttributeDefinition Manager = Complex(
        "manager",
        "The User's manager.",
        Text("value", "The id of the SCIM resource representing the User's manager.", caseExact: true),
        new()
        {
            Name = "$ref",
            Type = AttributeType.Reference,
            Description = "The URI of the SCIM resource representing the User's manager.",
            ReferenceTypes = ["User"],
            CaseExact = true,
            Mutability = Mutability.ReadOnly,
        },
        new() { Name = "displayName", Description = "The displayName of the User's manager.", Mutability = Mutability.ReadOnly });

    /// <summary>The extension schema.</summary>
    public static readonly SchemaDefinition Definition = new(
        ScimSchemaUris.EnterpriseUser,
        "EnterpriseUser",
        "Enterprise User",
        [
            Text("employeeNumber", "Numeric or alphanumeric identifier assigned to a person."),
            Text("costCenter", "Identifies the name of a cost center."),
            Text("organization", "Identifies the name of an organization."),
            Text("division", "Identifies the name of a division."),
            Text("department", "Identifies the name of a department."),
            Manager,
        ]);
}
