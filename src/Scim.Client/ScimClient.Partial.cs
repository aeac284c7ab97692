using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scim.Client;

/// <summary>
/// The generated SCIM client (one method per operation, named after the server's operation ids). Requests are sent
/// as <c>application/scim+json</c>; SCIM error responses are thrown as <see cref="ScimException"/>.
/// Give it an <see cref="HttpClient"/> whose <see cref="HttpClient.BaseAddress"/> is the SCIM base URL with a trailing
/// slash and that sends the bearer token (see <see cref="ScimBearerTokenHandler"/> and
/// <see cref="ScimClientServiceCollectionExtensions.AddScimClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, Uri, string)"/>).
/// </summary>
public partial class ScimClient
{
    /// <summary>The SCIM media type (RFC 7644 §3.1).</summary>
    public const string MediaType = "application/scim+json";

    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        // Unset attributes are left out rather than sent as null (which would clear them on PUT).
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Implements a generated instance partial method.")]
    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaType));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json", 0.9));
        if (request.Content?.Headers.ContentType is { } contentType)
        {
            contentType.MediaType = MediaType;
        }
    }
}
