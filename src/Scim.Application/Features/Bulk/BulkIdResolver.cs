using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Protocol;

namespace Scim.Application.Features.Bulk;

/// <summary>
/// <c>bulkId:</c> references (RFC 7644 §3.7.2): a string <c>"bulkId:qwerty"</c> stands for the id of the resource that
/// the POST with <c>"bulkId":"qwerty"</c> of the same request creates. A reference is a whole string value, anywhere in
/// an operation's <c>data</c> (a group's <c>members[].value</c>, the enterprise <c>manager.value</c>, the values of a
/// PatchOp) or as the id of its <c>path</c> (<c>/Groups/bulkId:qwerty</c>). Only this request's POSTs are looked up, so a
/// reference names a resource that the request created in the caller's organization, or nothing.
/// </summary>
internal sealed class BulkIdResolver
{
    /// <summary>What a reference starts with.</summary>
    public const string Prefix = "bulkId:";

    private readonly Dictionary<string, Created> posts = new(StringComparer.Ordinal);

    /// <param name="operations">The request's operations: their POSTs with a bulkId are what references may name.</param>
    public BulkIdResolver(IReadOnlyList<BulkOperation> operations)
    {
        foreach (var operation in operations.Where(o => o.DeclaresBulkId))
        {
            posts[operation.BulkId!] = new Created(operation.Index, null, null);
        }
    }

    /// <summary>The bulkIds that <paramref name="operation"/> refers to, in its path and data.</summary>
    public static IEnumerable<string> ReferencesOf(BulkOperation operation)
    {
        if (operation.Target?.Id is { } id && id.StartsWith(Prefix, StringComparison.Ordinal))
        {
            yield return id[Prefix.Length..];
        }

        foreach (var reference in ReferencesIn(operation.Data))
        {
            yield return reference[Prefix.Length..];
        }
    }

    /// <summary>The index of the POST that declares <paramref name="bulkId"/>, or null when none does.</summary>
    public int? PostOf(string bulkId) => posts.TryGetValue(bulkId, out var post) ? post.Index : null;

    /// <summary>Remembers what the POST <paramref name="operation"/> gave: the id it created, or its error.</summary>
    public void Record(BulkOperation operation, string? createdId, ScimError? error)
    {
        if (operation.DeclaresBulkId)
        {
            posts[operation.BulkId!] = new Created(operation.Index, createdId, error);
        }
    }

    /// <summary><paramref name="id"/> as given, or the id its reference resolves to, or why it does not resolve.</summary>
    public Result<string> Id(string id) => id.StartsWith(Prefix, StringComparison.Ordinal) ? Resolve(id) : id;

    /// <summary>A copy of <paramref name="data"/> with every reference replaced by its id, or the first that does not resolve.</summary>
    public Result<JsonObject> Data(JsonObject data)
    {
        foreach (var reference in ReferencesIn(data))
        {
            if (Resolve(reference) is { IsSuccess: false } unresolved)
            {
                return unresolved.Error;
            }
        }

        return (JsonObject)Substituted(data)!;
    }

    // An unknown bulkId is a mistake in the request itself: 400 invalidValue (RFC 7644 §3.12). A known one whose POST
    // failed names a resource that does not exist, a reference the service provider cannot resolve, which RFC 7644
    // §3.7.1 answers with 409 Conflict.
    private Result<string> Resolve(string reference)
    {
        var bulkId = reference[Prefix.Length..];
        if (!posts.TryGetValue(bulkId, out var post))
        {
            return ScimError.InvalidValue(
                $"'{reference}' refers to no POST of this request: a reference names the bulkId of a POST in the same request (RFC 7644 §3.7.2).");
        }

        return post.Id ?? (Result<string>)new ScimError(409, null, post.Error is { } error
            ? $"'{reference}' refers to the POST of Operations[{post.Index}], which failed ({error.Status}{(error.ScimType is null ? "" : " " + error.ScimType)}), so there is no resource to refer to. Correct that operation and send both again."
            : $"'{reference}' refers to the POST of Operations[{post.Index}], which was not applied, so there is no resource to refer to.");
    }

    private JsonNode? Substituted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(member => KeyValuePair.Create(member.Key, Substituted(member.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Substituted)]),
        _ when AsReference(node) is { } reference => JsonValue.Create(Resolve(reference).Value),
        _ => node?.DeepClone(),
    };

    private static IEnumerable<string> ReferencesIn(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var reference in obj.SelectMany(member => ReferencesIn(member.Value)))
                {
                    yield return reference;
                }

                break;
            case JsonArray array:
                foreach (var reference in array.SelectMany(ReferencesIn))
                {
                    yield return reference;
                }

                break;
            default:
                if (AsReference(node) is { } found)
                {
                    yield return found;
                }

                break;
        }
    }

    private static string? AsReference(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is var text
        && text.StartsWith(Prefix, StringComparison.Ordinal)
            ? text
            : null;

    /// <summary>A POST with a bulkId: its position, and once it has run, the id it created or its error.</summary>
    private sealed record Created(int Index, string? Id, ScimError? Error);
}
