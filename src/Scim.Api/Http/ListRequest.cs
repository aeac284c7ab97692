using System.Text.Json;
using System.Text.Json.Nodes;
using Scim.Application.Common.Resources;
using Scim.Protocol;
using Scim.Protocol.Projection;
using Scim.Protocol.Schemas;

namespace Scim.Api.Http;

/// <summary>
/// The query parameters of GET /Users, GET /Groups and GET / (RFC 7644 §3.4.2; <c>cursor</c>: RFC 9865 §2.1), read by
/// <see cref="Read"/>. Parameters the server does not know, such as Entra's <c>aadOptscim062020</c> flag, are ignored.
/// ASP.NET Core decodes <c>+</c> and <c>%XX</c> (UTF-8).
/// </summary>
public sealed record ListRequest(
    string? Filter, string? SortBy, string? SortOrder, string? StartIndex, string? Count, string? Cursor, string? Attributes, string? ExcludedAttributes)
{
    // The parameters that take one value. Given twice they have no meaning (which count of count=1&count=5?), and
    // joining them, as ASP.NET Core's binding of a string does ("1,5"), would answer about a value nobody sent.
    private static readonly string[] SingleValued = ["filter", "sortBy", "sortOrder", "startIndex", "count", "cursor"];

    /// <summary>
    /// Reads the list parameters of <paramref name="request"/>'s query string. One of <c>filter</c>, <c>sortBy</c>,
    /// <c>sortOrder</c>, <c>startIndex</c>, <c>count</c> and <c>cursor</c> given more than once (names compare
    /// case-insensitively) is 400 <c>invalidValue</c> naming it. <c>attributes</c> and <c>excludedAttributes</c> given
    /// more than once are joined: RFC 7644 §3.9 makes each a multi-valued list, sent comma-separated, so
    /// <c>attributes=userName&amp;attributes=emails</c> can only mean <c>attributes=userName,emails</c>; that is also how
    /// GET of one resource and the answers of POST, PUT and PATCH read them.
    /// </summary>
    public static Result<ListRequest> Read(HttpRequest request)
    {
        var query = request.Query;
        if (SingleValued.FirstOrDefault(name => query[name].Count > 1) is { } repeated)
        {
            return ScimError.InvalidValue(
                $"The query parameter '{repeated}' is given {query[repeated].Count} times; it takes one value, so send it once (RFC 7644 §3.4.2).");
        }

        return new ListRequest(
            One("filter"), One("sortBy"), One("sortOrder"), One("startIndex"), One("count"), One("cursor"), Joined("attributes"), Joined("excludedAttributes"));

        string? One(string name) => query[name] is { Count: > 0 } values ? values[0] : null;

        string? Joined(string name) => query[name] is { Count: > 0 } values ? string.Join(',', values.OfType<string>()) : null;
    }

    /// <summary>The list query of <paramref name="request"/>'s query string (<see cref="Read"/>, then <see cref="ToQuery(ResourceTypeDefinition)"/>).</summary>
    public static Result<ListQuery> ToQuery(HttpRequest request, ResourceTypeDefinition type)
    {
        var list = Read(request);
        return list.IsSuccess ? list.Value!.ToQuery(type) : list.Error;
    }

    /// <summary>Validates the parameters and builds the projection for resources of <paramref name="type"/>.</summary>
    public Result<ListQuery> ToQuery(ResourceTypeDefinition type) =>
        ListQuery.Create(Filter, SortBy, SortOrder, StartIndex, Count, Cursor, Projection(Attributes, ExcludedAttributes, type));

    /// <summary>The projection of comma-separated <c>attributes</c> / <c>excludedAttributes</c> values.</summary>
    public static AttributeProjection Projection(string? attributes, string? excludedAttributes, ResourceTypeDefinition type) =>
        AttributeProjection.Parse([attributes ?? ""], [excludedAttributes ?? ""], type);

    /// <summary>
    /// The projection that <paramref name="request"/>'s <c>attributes</c> / <c>excludedAttributes</c> query parameters
    /// ask of the resource a POST, PUT or PATCH answers with (RFC 7644 §3.9); null when the request has neither.
    /// </summary>
    public static AttributeProjection? Projection(HttpRequest request, ResourceTypeDefinition type)
    {
        var (attributes, excluded) = (request.Query["attributes"], request.Query["excludedAttributes"]);
        return attributes.Count == 0 && excluded.Count == 0
            ? null
            : AttributeProjection.Parse(attributes.OfType<string>(), excluded.OfType<string>(), type);
    }
}

/// <summary>The body of POST /.search (RFC 7644 §3.4.3; <c>cursor</c>: RFC 9865 §2.1), e.g. <c>{"schemas":[SearchRequest URN],"filter":"...","startIndex":1,"count":10}</c>.</summary>
public sealed class SearchRequest
{
    /// <summary><c>schemas</c>: <c>urn:ietf:params:scim:api:messages:2.0:SearchRequest</c>.</summary>
    public List<string>? Schemas { get; set; }
    /// <summary><c>filter</c> (RFC 7644 §3.4.2.2), e.g. <c>userName eq "bjensen"</c>; absent returns every resource.</summary>
    public string? Filter { get; set; }
    /// <summary><c>sortBy</c> (RFC 7644 §3.4.2.3): the attribute path to order by, one the catalogue marks sortable.</summary>
    public string? SortBy { get; set; }
    /// <summary><c>sortOrder</c> (RFC 7644 §3.4.2.3): <c>ascending</c> (the default) or <c>descending</c>.</summary>
    public string? SortOrder { get; set; }
    /// <summary><c>startIndex</c> (RFC 7644 §3.4.2.4): 1-based; values below 1 are read as 1.</summary>
    public int? StartIndex { get; set; }
    /// <summary><c>count</c> (RFC 7644 §3.4.2.4): page size, 0 to 200 (<see cref="ListQuery.MaxCount"/>; larger values are capped); absent means the maximum.</summary>
    public int? Count { get; set; }
    /// <summary><c>cursor</c> (RFC 9865 §2.1): empty for the first page by cursor, then the <c>nextCursor</c> of the page before; absent pages by index.</summary>
    public string? Cursor { get; set; }
    /// <summary><c>attributes</c> (RFC 7644 §3.4.2.5): the only attribute paths to return, besides those always returned (such as <c>id</c>).</summary>
    public List<string>? Attributes { get; set; }
    /// <summary><c>excludedAttributes</c> (RFC 7644 §3.4.2.5): attribute paths to leave out.</summary>
    public List<string>? ExcludedAttributes { get; set; }

    /// <summary>Reads and validates a SearchRequest body for resources of <paramref name="type"/>: a search (<see cref="ListQuery.Search"/>).</summary>
    public static async Task<Result<ListQuery>> ReadAsync(HttpRequest request, ResourceTypeDefinition type, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        if (!body.IsSuccess)
        {
            return body.Error;
        }

        var query = body.Value!.ToQuery(type);
        return query.IsSuccess ? query.Value! with { Search = true } : query.Error;
    }

    /// <summary>
    /// Reads a SearchRequest body (RFC 7644 §3.4.3), checking what does not depend on the resource type: 400
    /// <c>invalidSyntax</c> when it is not JSON, its <c>schemas</c> lacks the SearchRequest URN, or an attribute list holds a null.
    /// </summary>
    public static async Task<Result<SearchRequest>> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var json = await ScimRequestBody.ReadObjectAsync(request, cancellationToken);
        if (!json.IsSuccess)
        {
            return json.Error;
        }

        if (ReadPageNumbers(json.Value!) is { } invalid)
        {
            return invalid;
        }

        var body = ScimJson.Deserialize<SearchRequest>(json.Value!, "SearchRequest");
        if (!body.IsSuccess)
        {
            return body.Error;
        }

        var search = body.Value!;
        if (search.Schemas is null || !search.Schemas.Contains(ScimSchemaUris.SearchRequest, StringComparer.OrdinalIgnoreCase))
        {
            return ScimError.InvalidSyntax($"The request 'schemas' must contain \"{ScimSchemaUris.SearchRequest}\" (RFC 7644 §3.4.3).");
        }

        return search.Attributes?.Contains(null!) == true || search.ExcludedAttributes?.Contains(null!) == true
            ? ScimError.InvalidSyntax("'attributes' and 'excludedAttributes' must be arrays of attribute path strings; null is not one (RFC 7644 §3.4.3).")
            : search;
    }

    // startIndex and count are read from the numbers as written, as GET reads them from its query string
    // (ListQuery.ParseInteger): an integer of any size stands for the bound of int it passes, which ListQuery clamps,
    // and a number that is no integer (1.5, 1e3) is 400 invalidValue; deserialised as int they would be a "wrong JSON
    // type". Any other JSON type is left to the deserialiser, which refuses it as invalidSyntax naming its path.
    private static ScimError? ReadPageNumbers(JsonObject body)
    {
        foreach (var parameter in (string[])["startIndex", "count"])
        {
            if (body.FirstOrDefault(member => string.Equals(member.Key, parameter, StringComparison.OrdinalIgnoreCase)) is { Value: JsonValue value } member
                && value.GetValueKind() == JsonValueKind.Number)
            {
                var number = ListQuery.ParseInteger(parameter, value.ToJsonString());
                if (!number.IsSuccess)
                {
                    return number.Error;
                }

                body[member.Key] = number.Value;
            }
        }

        return null;
    }

    /// <summary>The list query this SearchRequest asks of resources of <paramref name="type"/>.</summary>
    public Result<ListQuery> ToQuery(ResourceTypeDefinition type)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return ListQuery.Create(
            Filter, SortBy, SortOrder, StartIndex?.ToString(invariant), Count?.ToString(invariant), Cursor,
            AttributeProjection.Parse(Attributes ?? [], ExcludedAttributes ?? [], type));
    }
}
