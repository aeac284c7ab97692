using Microsoft.AspNetCore.Http.Metadata;
using Scim.Api.OpenApi;
using Scim.Application.Common.Journal;
using Scim.Filtering;
using Scim.Protocol;

namespace Scim.Api.Journal;

/// <summary>
/// Records the SCIM error responses of the Users, Groups, Bulk and search endpoints in the journal: every 4xx but 429 of a
/// request whose API key is known (a request without a valid key has no organization to record it for). Discovery
/// endpoints are left out: their errors change and concern no directory; so are those of the administration API
/// (<see cref="AdminOpenApiDocument"/>), whose changes are journaled by the slices that make them.
/// </summary>
public static class FailedRequests
{
    /// <summary>Queues the journal row of <paramref name="error"/>, answered to <paramref name="context"/>'s request, when it is one.</summary>
    public static void Record(HttpContext context, ScimError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        // 429 is left out: a flood would otherwise cost one journal row per refused request.
        if (error.Status is < 400 or >= 500 or StatusCodes.Status429TooManyRequests || context.GetEndpoint() is not { } endpoint
            || endpoint.Metadata.GetMetadata<ITagsMetadata>()?.Tags.Contains("Discovery") == true
            || endpoint.Metadata.GetMetadata<IEndpointGroupNameMetadata>()?.EndpointGroupName == AdminOpenApiDocument.Name)
        {
            return;
        }

        var slice = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        var resourceId = context.Request.RouteValues.TryGetValue("id", out var id) && id is string text && ScimId.TryParse(text, out var guid)
            ? guid
            : (Guid?)null;
        context.RequestServices.GetRequiredService<JournalRecorder>().Failed(slice, resourceId, error);
    }
}
