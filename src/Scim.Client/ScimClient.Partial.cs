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

    /// <inheritdoc />
    public virtual Task<User> CreateUserAsync(User user, CancellationToken cancellationToken) =>
        CreateUserAsync(user, attributes: null, excludedAttributes: null, cancellationToken);

    /// <inheritdoc />
    public virtual Task<Group> CreateGroupAsync(Group group, CancellationToken cancellationToken) =>
        CreateGroupAsync(group, attributes: null, excludedAttributes: null, cancellationToken);

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

/// <summary>
/// The generated operations, plus one overload of each create that takes the cancellation token as its second
/// argument (the generated ones take <c>attributes</c> and <c>excludedAttributes</c> there), so that calls written as
/// <c>CreateUserAsync(user, cancellationToken)</c> keep compiling.
/// </summary>
public partial interface IScimClient
{
    /// <summary>POST /Users (RFC 7644 §3.3): creates the user and returns it with the default attribute set.</summary>
    /// <param name="user">The user to create.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The created user, as the server stored it.</returns>
    /// <exception cref="ScimException">The server refused it (e.g. 409 uniqueness for a taken userName).</exception>
    Task<User> CreateUserAsync(User user, CancellationToken cancellationToken);

    /// <summary>POST /Groups (RFC 7644 §3.3): creates the group and returns it with the default attribute set.</summary>
    /// <param name="group">The group to create.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The created group, as the server stored it.</returns>
    /// <exception cref="ScimException">The server refused it (e.g. 409 uniqueness for a taken displayName).</exception>
    Task<Group> CreateGroupAsync(Group group, CancellationToken cancellationToken);
}
