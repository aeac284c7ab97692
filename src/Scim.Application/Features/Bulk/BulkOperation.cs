using System.Text.Json.Nodes;
using Scim.Application.Common.Resources;
using Scim.Application.Features.Groups;
using Scim.Application.Features.Users;
using Scim.Protocol;

namespace Scim.Application.Features.Bulk;

/// <summary>The methods a bulk operation may have (RFC 7644 §3.7).</summary>
internal enum BulkMethod
{
    /// <summary>Creates a resource (RFC 7644 §3.3).</summary>
    Post,

    /// <summary>Replaces a resource (RFC 7644 §3.5.1).</summary>
    Put,

    /// <summary>Modifies a resource (RFC 7644 §3.5.2).</summary>
    Patch,

    /// <summary>Deletes a resource (RFC 7644 §3.6).</summary>
    Delete,
}

/// <summary>What an operation's <c>path</c> names: an endpoint (POST) or one resource of it.</summary>
/// <param name="Endpoint"><see cref="UserRenderer.Endpoint"/> or <see cref="GroupRenderer.Endpoint"/>.</param>
/// <param name="Id">The resource's id as sent (possibly <c>bulkId:&lt;bulkId&gt;</c>); null for a POST.</param>
internal sealed record BulkTarget(string Endpoint, string? Id)
{
    /// <summary>True for <c>/Users</c>, false for <c>/Groups</c>.</summary>
    public bool IsUser => Endpoint == UserRenderer.Endpoint;
}

/// <summary>One element of a BulkRequest's <c>Operations</c>.</summary>
/// <param name="Index">Its position in <c>Operations</c>, from 0.</param>
/// <param name="MethodName">The <c>method</c> as the response repeats it: upper case when known, as sent otherwise.</param>
/// <param name="Method">The method; null when <see cref="Invalid"/> says it is not one of the four.</param>
/// <param name="BulkId">The <c>bulkId</c>, when the operation has one.</param>
/// <param name="Target">What <c>path</c> names; null when <see cref="Invalid"/>.</param>
/// <param name="Data">The <c>data</c> object (POST, PUT, PATCH); null for DELETE.</param>
/// <param name="Version">
/// The <c>version</c>: the entity tag (RFC 9110 §8.8.3, e.g. <c>W/"3"</c>, or <c>*</c>) the resource must still have for a
/// PUT, PATCH or DELETE to apply, passed to the slice as the <c>If-Match</c> header of a single request is.
/// </param>
/// <param name="Invalid">Why the operation cannot run, when it cannot: it fails with this error without running.</param>
internal sealed record BulkOperation(
    int Index, string? MethodName, BulkMethod? Method, string? BulkId, BulkTarget? Target, JsonObject? Data, ETagCondition? Version, ScimError? Invalid)
{
    /// <summary>True for a POST with a bulkId: the operation that other operations' <c>bulkId:</c> references name.</summary>
    public bool DeclaresBulkId => Method == BulkMethod.Post && BulkId is not null;

    /// <summary>Reads operation <paramref name="index"/>; an operation that cannot run carries its error in <see cref="Invalid"/>.</summary>
    public static BulkOperation Read(int index, JsonObject operation)
    {
        var methodName = BulkJson.String(BulkJson.Member(operation, "method"));
        BulkMethod? method = methodName?.ToUpperInvariant() switch
        {
            "POST" => BulkMethod.Post,
            "PUT" => BulkMethod.Put,
            "PATCH" => BulkMethod.Patch,
            "DELETE" => BulkMethod.Delete,
            _ => null,
        };
        var bulkIdNode = BulkJson.Member(operation, "bulkId");
        var bulkId = BulkJson.String(bulkIdNode);
        var result = new BulkOperation(index, method?.ToString().ToUpperInvariant() ?? methodName, method, bulkId, null, null, null, null);
        if (method is not { } m)
        {
            return result with { Invalid = Error(index, "'method' must be POST, PUT, PATCH or DELETE.") };
        }

        if (bulkIdNode is not null && string.IsNullOrEmpty(bulkId))
        {
            return result with { BulkId = null, Invalid = Error(index, "'bulkId' must be a non-empty string.") };
        }

        if (m == BulkMethod.Post && bulkId is null)
        {
            return result with { Invalid = Error(index, "a POST needs a 'bulkId' (RFC 7644 §3.7): the name by which other operations of the request refer to the new resource.") };
        }

        var path = BulkJson.String(BulkJson.Member(operation, "path"));
        if (TargetOf(path, m) is not { } target)
        {
            return result with
            {
                Invalid = Error(index, m == BulkMethod.Post
                    ? $"a POST's 'path' must be /Users or /Groups, not {Quoted(path)}."
                    : $"a {result.MethodName}'s 'path' must be /Users/{{id}} or /Groups/{{id}} (an id, or bulkId:<bulkId> of a POST in this request), not {Quoted(path)}."),
            };
        }

        result = result with { Target = target };
        if (BulkJson.Member(operation, "version") is { } versionNode)
        {
            var version = ETagCondition.Parse(BulkJson.String(versionNode), "version");
            if (!version.IsSuccess || version.Value is null)
            {
                return result with { Invalid = Error(index, "'version' must be an entity tag as meta.version gives it, e.g. W/\"3\".") };
            }

            result = result with { Version = version.Value };
        }

        if (m == BulkMethod.Delete)
        {
            return result;
        }

        return BulkJson.Member(operation, "data") switch
        {
            JsonObject data => result with { Data = data },
            null => result with { Invalid = Error(index, $"a {result.MethodName} needs 'data': the body the single {result.MethodName} request would carry.") },
            _ => result with { Invalid = ScimError.InvalidSyntax($"Operations[{index}]: 'data' must be a JSON object.") },
        };
    }

    // "/Users", "/Groups" for a POST; "/Users/{id}", "/Groups/{id}" otherwise. Endpoint names compare as routes do,
    // case-insensitively; the leading slash may be left out.
    private static BulkTarget? TargetOf(string? path, BulkMethod method)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var relative = path.StartsWith('/') ? path[1..] : path;
        var slash = relative.IndexOf('/', StringComparison.Ordinal);
        var endpoint = slash < 0 ? relative : relative[..slash];
        var id = slash < 0 ? null : relative[(slash + 1)..];
        var known = endpoint.Equals("Users", StringComparison.OrdinalIgnoreCase) ? UserRenderer.Endpoint
            : endpoint.Equals("Groups", StringComparison.OrdinalIgnoreCase) ? GroupRenderer.Endpoint
            : null;
        if (known is null)
        {
            return null;
        }

        if (method == BulkMethod.Post)
        {
            return id is null or "" ? new BulkTarget(known, null) : null;
        }

        return id is { Length: > 0 } && id.IndexOfAny(['/', '?', '#']) < 0 ? new BulkTarget(known, id) : null;
    }

    private static string Quoted(string? path) => path is null ? "nothing" : $"'{path}'";

    private static ScimError Error(int index, string detail) => ScimError.InvalidValue($"Operations[{index}]: {detail}");
}
