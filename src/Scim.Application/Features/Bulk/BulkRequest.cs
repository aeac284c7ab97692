using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Protocol;
using Scim.Protocol.Schemas;

namespace Scim.Application.Features.Bulk;

/// <summary>
/// A BulkRequest message (RFC 7644 §3.7) as read:
/// <c>{"schemas":[BulkRequest URN],"failOnErrors":1,"Operations":[{"method":"POST","path":"/Users","bulkId":"u1","data":{...}}]}</c>.
/// A message that is malformed as a whole (wrong <c>schemas</c>, no <c>Operations</c> array, an operation that is not
/// an object, a <c>bulkId</c> used twice, a bad <c>failOnErrors</c>) is refused whole; an operation that is wrong on its
/// own is kept, with its error, and fails alone.
/// </summary>
/// <param name="FailOnErrors">After how many failed operations the rest are not run; null runs them all.</param>
/// <param name="Operations">The operations, in request order.</param>
internal sealed record BulkRequest(int? FailOnErrors, IReadOnlyList<BulkOperation> Operations)
{
    /// <summary>Reads <paramref name="body"/>: the request, 400 for a malformed message, or 413 for too many operations.</summary>
    public static Result<BulkRequest> Read(JsonObject body, BulkLimits limits)
    {
        if (BulkJson.Member(body, "schemas") is not JsonArray schemas
            || !schemas.Any(s => BulkJson.String(s)?.Equals(ScimSchemaUris.BulkRequest, StringComparison.OrdinalIgnoreCase) == true))
        {
            return ScimError.InvalidSyntax($"The request 'schemas' must contain \"{ScimSchemaUris.BulkRequest}\".");
        }

        if (BulkJson.Member(body, "Operations") is not JsonArray operations)
        {
            return ScimError.InvalidSyntax(
                "The request must have 'Operations': an array of operations, each with 'method', 'path', a 'bulkId' for POST and 'data' for POST, PUT and PATCH.");
        }

        if (operations.Count > limits.MaxOperations)
        {
            return limits.TooManyOperations(operations.Count);
        }

        int? failOnErrors = null;
        if (BulkJson.Member(body, "failOnErrors") is { } limit)
        {
            if (limit.GetValueKind() != JsonValueKind.Number || !limit.AsValue().TryGetValue<int>(out var count) || count < 1)
            {
                return ScimError.InvalidValue(
                    "'failOnErrors' must be a whole number of at least 1: the number of failed operations after which the rest are not run.");
            }

            failOnErrors = count;
        }

        var read = new List<BulkOperation>(operations.Count);
        var bulkIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i] is not JsonObject operation)
            {
                return ScimError.InvalidSyntax($"Operations[{i}] must be an object with 'method', 'path' and, for POST, PUT and PATCH, 'data'.");
            }

            var parsed = BulkOperation.Read(i, operation);
            if (parsed.BulkId is { } bulkId && !bulkIds.TryAdd(bulkId, i))
            {
                // References to it would be ambiguous, so no operation can run.
                return ScimError.InvalidValue(
                    $"Operations[{bulkIds[bulkId]}] and Operations[{i}] have the same bulkId '{bulkId}'; a bulkId must be unique within a request (RFC 7644 §3.7).");
            }

            read.Add(parsed);
        }

        return new BulkRequest(failOnErrors, read);
    }
}
