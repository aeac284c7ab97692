using System.Text.Json;
using System.Text.Json.Serialization;
using Scim.Api.Http;
using Scim.Protocol;

namespace Scim.Api.Endpoints.Admin;

/// <summary>
/// How every administration answer is written (<c>application/json</c>): camelCase members, enum values as camelCase
/// strings (<c>addMembers</c>, <c>failed</c>), times in ISO 8601 UTC, members without a value left out rather than
/// written as <c>null</c>. Errors are SCIM error bodies (<see cref="ScimResults.Error"/>).
/// </summary>
internal static class AdminResults
{
    /// <summary>The serializer options of every administration answer.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary><paramref name="body"/> as JSON, with <paramref name="status"/> (200 unless said).</summary>
    public static IResult Ok<T>(T body, int status = StatusCodes.Status200OK) =>
        Results.Json(body, Options, "application/json", status);

    /// <summary>201 with <paramref name="body"/> as JSON and its URL in <c>Location</c>.</summary>
    public static IResult Created<T>(string location, T body) => new WithLocation(location, Ok(body, StatusCodes.Status201Created));

    /// <summary>202 with <paramref name="body"/> as JSON and in <c>Location</c> where to follow the work it started.</summary>
    public static IResult Accepted<T>(string location, T body) => new WithLocation(location, Ok(body, StatusCodes.Status202Accepted));

    /// <summary>The success mapped by <paramref name="map"/>, or the SCIM error.</summary>
    public static IResult From<T>(Result<T> result, Func<T, IResult> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return result.IsSuccess ? map(result.Value!) : ScimResults.Error(result.Error);
    }

    private sealed class WithLocation(string location, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.Headers.Location = location;
            return inner.ExecuteAsync(context);
        }
    }
}
