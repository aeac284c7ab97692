using Scim.Application.Common;
using Scim.Application.Common.Resources;

namespace Scim.Api.Http;

/// <summary>A list request's decoded parts: filter, paging and projection.</summary>
public sealed record ListQuery(string? Filter, ListParameters Paging, AttributeProjection Projection);

/// <summary>
/// The query parameters of GET /Users and GET /Groups (RFC 7644 §3.4.2). Parameters the server does not know,
/// such as Entra's <c>aadOptscim062020</c> flag, are ignored. ASP.NET Core decodes <c>+</c> and <c>%XX</c> (UTF-8).
/// </summary>
public sealed record ListRequest(string? Filter, string? StartIndex, string? Count, string? Attributes, string? ExcludedAttributes)
{
    /// <summary>Validates paging and builds the projection.</summary>
    public Result<ListQuery> ToQuery(string coreSchemaUri)
    {
        var paging = ListParameters.Parse(StartIndex, Count);
        return paging.IsSuccess
            ? new ListQuery(Filter, paging.Value!, Projection(Attributes, ExcludedAttributes, coreSchemaUri))
            : paging.Error;
    }

    /// <summary>The projection of comma-separated <c>attributes</c> / <c>excludedAttributes</c> values.</summary>
    public static AttributeProjection Projection(string? attributes, string? excludedAttributes, string coreSchemaUri) =>
        AttributeProjection.Parse([attributes ?? ""], [excludedAttributes ?? ""], coreSchemaUri);
}

/// <summary>The body of POST /.search (RFC 7644 §3.4.3), e.g. <c>{"schemas":[SearchRequest URN],"filter":"...","startIndex":1,"count":10}</c>.</summary>
public sealed class SearchRequest
{
    public List<string>? Schemas { get; set; }
    public string? Filter { get; set; }
    public int? StartIndex { get; set; }
    public int? Count { get; set; }
    public List<string>? Attributes { get; set; }
    public List<string>? ExcludedAttributes { get; set; }

    /// <summary>Reads and validates a SearchRequest body.</summary>
    public static async Task<Result<ListQuery>> ReadAsync(HttpRequest request, string coreSchemaUri, CancellationToken cancellationToken)
    {
        var body = await ScimRequestBody.ReadAsync<SearchRequest>(request, "SearchRequest", cancellationToken);
        if (!body.IsSuccess)
        {
            return body.Error;
        }

        var search = body.Value!;
        var paging = ListParameters.Parse(search.StartIndex?.ToString(System.Globalization.CultureInfo.InvariantCulture), search.Count?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return paging.IsSuccess
            ? new ListQuery(search.Filter, paging.Value!, AttributeProjection.Parse(search.Attributes ?? [], search.ExcludedAttributes ?? [], coreSchemaUri))
            : paging.Error;
    }
}
