using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scim.Api.Endpoints.Admin;

/// <summary>
/// The JSON of the organization administration answers (<c>application/json</c>): camelCase members, enum values as
/// camelCase strings, times in ISO 8601 UTC, members without a value left out. Errors are SCIM error bodies.
/// </summary>
public static class AdminJson
{
    /// <summary>The serializer options of every administration answer.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary><paramref name="value"/> as the answer, with <paramref name="status"/>.</summary>
    public static IResult Ok<T>(T value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, Options, "application/json", status);
}
