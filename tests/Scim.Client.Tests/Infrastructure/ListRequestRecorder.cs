using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Scim.Client.Tests.Infrastructure;

/// <summary>
/// Sits between the generated client and the real server: records the query of every list request; with
/// <see cref="DropCursorParameter"/> it removes <c>cursor</c> from list requests (a server that ignores the parameter,
/// RFC 9865 §2), and with <see cref="HideCursorSupport"/> it makes /ServiceProviderConfig say <c>pagination.cursor:
/// false</c> (a server that pages by index only).
/// </summary>
public sealed class ListRequestRecorder : DelegatingHandler
{
    /// <summary>Whether /ServiceProviderConfig is made to say the server has no cursors.</summary>
    public bool HideCursorSupport { get; init; }

    /// <summary>Whether <c>cursor</c> is removed from list requests before the server sees them (after recording).</summary>
    public bool DropCursorParameter { get; init; }

    /// <summary>The query parameters of each GET /Users and GET /Groups, in order.</summary>
    public List<Dictionary<string, StringValues>> ListQueries { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method == HttpMethod.Get && path is "/Users" or "/Groups")
        {
            var query = QueryHelpers.ParseQuery(request.RequestUri.Query);
            ListQueries.Add(new Dictionary<string, StringValues>(query));
            if (DropCursorParameter && query.Remove("cursor"))
            {
                var uri = new UriBuilder(request.RequestUri) { Query = "" }.Uri.ToString();
                request.RequestUri = new Uri(QueryHelpers.AddQueryString(uri, query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))));
            }
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (HideCursorSupport && path == "/ServiceProviderConfig" && response.IsSuccessStatusCode)
        {
            var config = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
            config["pagination"] = new JsonObject { ["cursor"] = false, ["index"] = true };
            response.Content = new StringContent(config.ToJsonString(), System.Text.Encoding.UTF8, ScimClient.MediaType);
        }

        return response;
    }
}
