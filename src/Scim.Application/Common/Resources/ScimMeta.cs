namespace Scim.Application.Common.Resources;

/// <summary>The <c>meta</c> attribute (RFC 7643 §3.1). <c>location</c> is filled in by the HTTP layer from the request's base URL.</summary>
public sealed class ScimMeta
{
    public string? ResourceType { get; set; }
    public DateTime? Created { get; set; }
    public DateTime? LastModified { get; set; }
    public string? Location { get; set; }
}
