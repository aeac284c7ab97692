using System.Globalization;

namespace Scim.Client;

/// <summary>
/// Builds PATCH requests (RFC 7644 §3.5.2):
/// <c>PatchOperations.Request(PatchOperations.Replace("displayName", "x"), PatchOperations.AddMembers(id))</c>.
/// </summary>
public static class PatchOperations
{
    /// <summary>A PatchOp message with <paramref name="operations"/>, applied in order, all or nothing.</summary>
    /// <param name="operations">The operations.</param>
    public static PatchOp Request(params IEnumerable<PatchOperation> operations) =>
        new() { Schemas = [ScimSchemas.PatchOp], Operations = [.. operations] };

    /// <summary><c>add</c> of <paramref name="value"/> at <paramref name="path"/>; multi-valued attributes get the values appended.</summary>
    /// <param name="path">The attribute path, e.g. <c>emails</c>.</param>
    /// <param name="value">Any JSON-serialisable value.</param>
    public static PatchOperation Add(string path, object? value) => new() { Op = "add", Path = path, Value = value };

    /// <summary><c>replace</c> of the attribute at <paramref name="path"/> with <paramref name="value"/>.</summary>
    /// <param name="path">The attribute path, e.g. <c>displayName</c> or <c>emails[type eq "work"].value</c>.</param>
    /// <param name="value">Any JSON-serialisable value.</param>
    public static PatchOperation Replace(string path, object? value) => new() { Op = "replace", Path = path, Value = value };

    /// <summary>
    /// A path-less <c>replace</c> whose value maps attribute paths to values, as Microsoft Entra sends it, e.g.
    /// <c>{"name.givenName": "Ann", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department": "R&amp;D"}</c>.
    /// </summary>
    /// <param name="values">Attribute paths (dotted or URN-qualified) and their values.</param>
    public static PatchOperation Replace(IReadOnlyDictionary<string, object?> values) => new() { Op = "replace", Value = values };

    /// <summary>A path-less <c>add</c> whose value maps attribute paths to values.</summary>
    /// <param name="values">Attribute paths (dotted or URN-qualified) and their values.</param>
    public static PatchOperation Add(IReadOnlyDictionary<string, object?> values) => new() { Op = "add", Value = values };

    /// <summary><c>remove</c> of the attribute (or the values matched) at <paramref name="path"/>.</summary>
    /// <param name="path">The attribute path, e.g. <c>title</c> or <c>emails[type eq "home"]</c>.</param>
    public static PatchOperation Remove(string path) => new() { Op = "remove", Path = path };

    /// <summary>Adds the resources with these ids to a group's <c>members</c>.</summary>
    /// <param name="memberIds">The SCIM ids of the users or groups to add.</param>
    public static PatchOperation AddMembers(params IEnumerable<string> memberIds) =>
        Add("members", memberIds.Select(id => new Member { Value = id }).ToList());

    /// <summary>Removes the resource with this id from a group's <c>members</c>.</summary>
    /// <param name="memberId">The SCIM id of the member to remove.</param>
    public static PatchOperation RemoveMember(string memberId) =>
        Remove(string.Create(CultureInfo.InvariantCulture, $"members[value eq \"{Escape(memberId)}\"]"));

    /// <summary>Removes the resources with these ids from a group's <c>members</c> (one <c>remove</c> operation per member).</summary>
    /// <param name="memberIds">The SCIM ids of the members to remove.</param>
    public static IEnumerable<PatchOperation> RemoveMembers(params IEnumerable<string> memberIds) => memberIds.Select(RemoveMember);

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
