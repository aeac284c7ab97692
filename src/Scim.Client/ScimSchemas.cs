namespace Scim.Client;

/// <summary>The schema URNs a client puts in <c>schemas</c> (RFC 7643 §8.7).</summary>
public static class ScimSchemas
{
    /// <summary>The core User schema.</summary>
    public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";

    /// <summary>The enterprise User extension (RFC 7643 §4.3).</summary>
    public const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /// <summary>The core Group schema.</summary>
    public const string Group = "urn:ietf:params:scim:schemas:core:2.0:Group";

    /// <summary>The PatchOp message.</summary>
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /// <summary>The SearchRequest message.</summary>
    public const string SearchRequest = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    /// <summary>The BulkRequest message (RFC 7644 §3.7).</summary>
    public const string BulkRequest = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
}

/// <summary>Convenience members on the generated <see cref="Scim.Client.User"/>.</summary>
public partial class User
{
    /// <summary>The enterprise extension (RFC 7643 §4.3), stored under its URN on the wire.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public EnterpriseUser? Enterprise
    {
        get => Urn_ietf_params_scim_schemas_extension_enterprise_20_User;
        set => Urn_ietf_params_scim_schemas_extension_enterprise_20_User = value;
    }
}
