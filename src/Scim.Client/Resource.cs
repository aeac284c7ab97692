using System.Text.Json;

namespace Scim.Client;

/// <summary>
/// A user or a group, as <see cref="IScimClient.ListResourcesAsync"/> and <see cref="IScimClient.SearchResourcesAsync"/>
/// (a search of the root, RFC 7644 §3.4.2, §3.4.3) return them: the common attributes (<see cref="Schemas"/>,
/// <see cref="Id"/>, <see cref="ExternalId"/>, <see cref="Meta"/>) are read into members, the others of its type are in
/// <see cref="AdditionalProperties"/>. <see cref="IsUser"/> and <see cref="IsGroup"/> tell the types apart;
/// <see cref="ToUser"/> and <see cref="ToGroup"/> read the resource as its type.
/// </summary>
public partial class Resource
{
    /// <summary>
    /// Whether the resource is a user: <c>meta.resourceType</c> is <c>User</c>, or, when <c>attributes</c> left
    /// <c>meta</c> out, <see cref="Schemas"/> has the core User schema.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsUser => Is("User", ScimSchemas.User);

    /// <summary>Whether the resource is a group, told as <see cref="IsUser"/> tells a user.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsGroup => Is("Group", ScimSchemas.Group);

    /// <summary>The resource read as a <see cref="User"/>, with the enterprise extension in <see cref="User.Enterprise"/>.</summary>
    /// <exception cref="InvalidOperationException">The resource is not a user (<see cref="IsUser"/> is false).</exception>
    public User ToUser() => IsUser ? As<User>() : throw NotA("User");

    /// <summary>The resource read as a <see cref="Group"/>.</summary>
    /// <exception cref="InvalidOperationException">The resource is not a group (<see cref="IsGroup"/> is false).</exception>
    public Group ToGroup() => IsGroup ? As<Group>() : throw NotA("Group");

    private bool Is(string resourceType, string schema) =>
        Meta?.ResourceType is { } type
            ? string.Equals(type, resourceType, StringComparison.Ordinal)
            : Schemas?.Contains(schema, StringComparer.OrdinalIgnoreCase) == true;

    // The members as received, written again and read as the type: its generated members take what they name, and its
    // AdditionalProperties the rest.
    private T As<T>() => JsonSerializer.SerializeToElement(this).Deserialize<T>()!;

    private InvalidOperationException NotA(string resourceType) =>
        new($"The resource {Id} is a {Meta?.ResourceType ?? "resource without meta.resourceType"}, not a {resourceType}.");
}

/// <summary>Convenience members on the generated <see cref="ListResponseOfResource"/>.</summary>
public partial class ListResponseOfResource
{
    /// <summary>The users of the page, in the order the server returned them (before the groups).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<User> Users => (Resources ?? []).Where(r => r.IsUser).Select(r => r.ToUser());

    /// <summary>The groups of the page, in the order the server returned them.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<Group> Groups => (Resources ?? []).Where(r => r.IsGroup).Select(r => r.ToGroup());
}
