using static Scim.Protocol.Schemas.AttributeFactory;

namespace Scim.Protocol.Schemas;

/// <summary>The core User schema, <c>urn:ietf:params:scim:schemas:core:2.0:User</c> (RFC 7643 §4.1, §8.7.1).</summary>
public static class UserSchema
{
    /// <summary><c>userName</c>: required, case-insensitive, unique per server.</summary>
    public static readonly AttributeDefinition UserName = new()
    {
        Name = "userName",
        Description = "Unique identifier for the User, typically used by the user to directly authenticate to the service provider.",
        Required = true,
        Uniqueness = Uniqueness.Server,
    };

    /// <summary>
    /// <c>addresses</c>. RFC 7643 §8.7.1 omits <c>primary</c> here although §4.1.2 and the §8.2 example use it and
    /// Microsoft Entra sends it; without it a strict server rejects Entra's creates.
    /// </summary>
    public static readonly AttributeDefinition Addresses = new()
    {
        Name = "addresses",
        Type = AttributeType.Complex,
        MultiValued = true,
        Description = "A physical mailing address for this User.",
        SubAttributes =
        [
            Text("formatted", "The full mailing address, formatted for display or use with a mailing label."),
            Text("streetAddress", "The full street address component."),
            Text("locality", "The city or locality component."),
            Text("region", "The state or region component."),
            Text("postalCode", "The zip code or postal code component."),
            Text("country", "The country name component."),
            TypeLabel(["work", "home", "other"]),
            Primary(),
        ],
    };

    /// <summary><c>groups</c>: readOnly, maintained by the server from group memberships.</summary>
    public static readonly AttributeDefinition Groups = new()
    {
        Name = "groups",
        Type = AttributeType.Complex,
        MultiValued = true,
        Description = "A list of groups to which the user belongs.",
        Mutability = Mutability.ReadOnly,
        SubAttributes =
        [
            new() { Name = "value", Description = "The identifier of the User's group.", CaseExact = true, Mutability = Mutability.ReadOnly },
            new()
            {
                Name = "$ref", Type = AttributeType.Reference, Description = "The URI of the corresponding 'Group' resource.",
                ReferenceTypes = ["User", "Group"], CaseExact = true, Mutability = Mutability.ReadOnly,
            },
            new() { Name = "display", Description = "A human-readable name.", Mutability = Mutability.ReadOnly },
            new()
            {
                Name = "type", Description = "A label indicating the attribute's function.",
                CanonicalValues = ["direct", "indirect"], Mutability = Mutability.ReadOnly,
            },
        ],
    };

    /// <summary><c>password</c>: writeOnly, never returned.</summary>
    public static readonly AttributeDefinition Password = new()
    {
        Name = "password",
        Description = "The User's cleartext password.",
        Mutability = Mutability.WriteOnly,
        Returned = Returned.Never,
    };

    /// <summary>The schema with every attribute of RFC 7643 §4.1 in §8.7.1 order.</summary>
    public static readonly SchemaDefinition Definition = new(
        ScimSchemaUris.User,
        "User",
        "User Account",
        [
            UserName,
            Complex(
                "name",
                "The components of the user's real name.",
                Text("formatted", "The full name, including all middle names, titles, and suffixes as appropriate, formatted for display."),
                Text("familyName", "The family name of the User, or last name in most Western languages."),
                Text("givenName", "The given name of the User, or first name in most Western languages."),
                Text("middleName", "The middle name(s) of the User."),
                Text("honorificPrefix", "The honorific prefix(es) of the User, or title in most Western languages."),
                Text("honorificSuffix", "The honorific suffix(es) of the User, or suffix in most Western languages.")),
            Text("displayName", "The name of the User, suitable for display to end-users."),
            Text("nickName", "The casual way to address the user in real life."),
            Reference("profileUrl", "A fully qualified URL pointing to a page representing the User's online profile.", "external"),
            Text("title", "The user's title, such as \"Vice President\"."),
            Text("userType", "Used to identify the relationship between the organization and the user."),
            Text("preferredLanguage", "Indicates the User's preferred written or spoken language, e.g. en-US."),
            Text("locale", "Used to indicate the User's default location for localizing items."),
            Text("timezone", "The User's time zone in the 'Olson' time zone database format."),
            Boolean("active", "A Boolean value indicating the User's administrative status."),
            Password,
            MultiValued("emails", "Email addresses for the user.", ["work", "home", "other"]),
            MultiValued("phoneNumbers", "Phone numbers for the User.", ["work", "home", "mobile", "fax", "pager", "other"]),
            MultiValued("ims", "Instant messaging addresses for the User.", ["aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"]),
            MultiValued(
                "photos",
                "URLs of photos of the User.",
                ["photo", "thumbnail"],
                // A photo's URL is matched exactly, as RFC 7643 §2.3.7 has references case exact (its §8.7.1 leaves
                // photos.value, like profileUrl, at caseExact false; profileUrl keeps that, as published since the start).
                new()
                {
                    Name = "value", Type = AttributeType.Reference, Description = "URL of a photo of the User.",
                    ReferenceTypes = ["external"], CaseExact = true,
                }),
            Addresses,
            Groups,
            MultiValued("entitlements", "A list of entitlements for the User that represent a thing the User has.", []),
            MultiValued("roles", "A list of roles for the User that collectively represent who the User is.", []),
            MultiValued(
                "x509Certificates",
                "A list of certificates issued to the User.",
                [],
                // A binary is case exact (RFC 7643 §2.3.6).
                new() { Name = "value", Type = AttributeType.Binary, Description = "The value of an X.509 certificate.", CaseExact = true }),
        ]);
}
