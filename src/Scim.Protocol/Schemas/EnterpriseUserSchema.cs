using static Scim.Protocol.Schemas.AttributeFactory;

namespace Scim.Protocol.Schemas;

/// <summary>The enterprise User extension, <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User</c> (RFC 7643 §4.3, §8.7.1).</summary>
public static class EnterpriseUserSchema
{
    /// <summary>
    /// <c>manager</c> {<c>value</c>, <c>$ref</c>, <c>displayName</c> (readOnly)}. Microsoft Entra sends it as a bare
    /// string id; the normaliser turns that into <c>{"value":"&lt;id&gt;"}</c>.
    /// </summary>
    public static readonly AttributeDefinition Manager = Complex(
        "manager",
        "The User's manager.",
        Text("value", "The id of the SCIM resource representing the User's manager."),
        Reference("$ref", "The URI of the SCIM resource representing the User's manager.", "User"),
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
